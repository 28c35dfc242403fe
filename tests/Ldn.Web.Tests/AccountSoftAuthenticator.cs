using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Ldn.Web.Tests;

/// <summary>
/// A software WebAuthn authenticator for the API tests: one P-256 passkey, "none" attestation, user presence
/// and verification always given, the sign count counting up. It answers the server's options JSON with the
/// credential JSON a browser's <c>credential.toJSON()</c> gives, so the whole ceremony runs without a browser
/// (the browser tests drive Chromium's virtual authenticator instead).
/// </summary>
internal sealed class AccountSoftAuthenticator : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] credentialId = RandomNumberGenerator.GetBytes(16);
    private readonly string origin;
    private string? userHandle;
    private uint signCount;

    public AccountSoftAuthenticator(string origin) => this.origin = origin;

    /// <summary>The credential id, base64url.</summary>
    public string Id => Base64Url.EncodeToString(credentialId);

    /// <summary>navigator.credentials.create(): a new passkey for the creation options' rp and user.</summary>
    public JsonObject Create(JsonNode options)
    {
        ArgumentNullException.ThrowIfNull(options);
        userHandle = options["user"]!["id"]!.GetValue<string>();
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var point = key.ExportParameters(false).Q;
        var coseKey = Cbor.Map(5)
            .Concat(Cbor.Int(1)).Concat(Cbor.Int(2))      // kty: EC2
            .Concat(Cbor.Int(3)).Concat(Cbor.Int(-7))     // alg: ES256
            .Concat(Cbor.Int(-1)).Concat(Cbor.Int(1))     // crv: P-256
            .Concat(Cbor.Int(-2)).Concat(Cbor.Bytes(point.X!))
            .Concat(Cbor.Int(-3)).Concat(Cbor.Bytes(point.Y!));
        var authData = AuthData(options["rp"]!["id"]!.GetValue<string>(), 0x45) // UP, UV, attested credential data
            .Concat(new byte[16])                                                 // AAGUID
            .Concat(new[] { (byte)(credentialId.Length >> 8), (byte)credentialId.Length })
            .Concat(credentialId)
            .Concat(coseKey)
            .ToArray();
        var attestation = Cbor.Map(3)
            .Concat(Cbor.Text("fmt")).Concat(Cbor.Text("none"))
            .Concat(Cbor.Text("attStmt")).Concat(Cbor.Map(0))
            .Concat(Cbor.Text("authData")).Concat(Cbor.Bytes(authData))
            .ToArray();
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestation),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>navigator.credentials.get(): this passkey's signature over the request options' challenge.</summary>
    public JsonObject Get(JsonNode options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        var authData = AuthData(options["rpId"]!.GetValue<string>(), 0x05).ToArray(); // UP, UV
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = userHandle,
        });
    }

    public void Dispose() => key.Dispose();

    private JsonObject Credential(JsonObject response) => new()
    {
        ["id"] = Id,
        ["rawId"] = Id,
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
        ["response"] = response,
    };

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false }.ToJsonString());

    private IEnumerable<byte> AuthData(string rpId, byte flags)
    {
        signCount++;
        return SHA256.HashData(Encoding.UTF8.GetBytes(rpId))
            .Append(flags)
            .Concat(new[] { (byte)(signCount >> 24), (byte)(signCount >> 16), (byte)(signCount >> 8), (byte)signCount });
    }

    /// <summary>The few CBOR items (RFC 8949) an attestation object needs.</summary>
    private static class Cbor
    {
        public static byte[] Int(int value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];

        public static byte[] Text(string value) => [.. Head(3, (ulong)Encoding.UTF8.GetByteCount(value)), .. Encoding.UTF8.GetBytes(value)];

        public static byte[] Map(int entries) => Head(5, (ulong)entries);

        private static byte[] Head(int major, ulong value) => value switch
        {
            < 24 => [(byte)((major << 5) | (int)value)],
            < 256 => [(byte)((major << 5) | 24), (byte)value],
            _ => [(byte)((major << 5) | 25), (byte)(value >> 8), (byte)value],
        };
    }
}
