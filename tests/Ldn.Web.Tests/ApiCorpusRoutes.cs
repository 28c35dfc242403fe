namespace Ldn.Web.Tests;

/// <summary>
/// Every JSON API route that takes input (the rows of <see cref="AuthorisationMatrixBehaviour"/> with a body or a
/// query), each with a valid body and every field it reads. Entry ids are those the corpus makes first (1; event 2
/// is the one deleted); <c>{patient}</c> is the patient who shares with the clinician.
/// </summary>
internal static class ApiCorpusRoutes
{
    private const string At = "\"at\":\"2026-11-30T22:00Z\"";

    public static readonly CorpusRoute[] All =
    [
        new("POST", "/api/account/register", "anonymous", "{\"email\":\"new{n}@example.org\",\"password\":\"Correct-horse-7\",\"role\":\"patient\",\"timeZone\":\"Europe/Oslo\"}",
            [S("email", true), S("password", true), S("role"), S("timeZone")]),
        new("POST", "/api/account/login", "anonymous", "{\"email\":\"login@example.org\",\"password\":\"Correct-horse-7\"}", [S("email", true), S("password", true)]),
        new("POST", "/api/account/password", "password", "{\"currentPassword\":\"Correct-horse-7\",\"newPassword\":\"Another-horse-8\"}",
            [S("currentPassword", true), S("newPassword", true)]),
        new("POST", "/api/account/delete", "delete", "{\"password\":\"Correct-horse-7\"}", [S("password", true)]),
        new("POST", "/api/account/passkey/request-options", "anonymous", "{\"email\":\"login@example.org\"}", [F("email")], BodyOptional: true),
        new("POST", "/api/account/passkey", "patient", "{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}}",
            [D("credential", true), F("name")], AlwaysRefused: true),
        new("POST", "/api/account/login/passkey", "anonymous", "{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}}",
            [D("credential", true)], AlwaysRefused: true),
        new("PATCH", "/api/account/passkeys/AAAA", "patient", "{\"name\":\"phone\"}", [F("name", true)], AlwaysRefused: true),
        new("POST", "/api/simulate", "patient", "{\"dose\":\"4.5mg\",\"count\":2,\"at\":\"22:00\",\"every\":\"24h\",\"horizon\":\"2d\",\"formulation\":\"capsule\",\"scenario\":\"B\",\"step\":\"6h\",\"condition\":\"generic\",\"tlr4\":false}",
            [S("dose", true), S("at"), S("every"), I("count"), S("horizon"), S("formulation"), S("scenario"), S("step"), S("condition"), B("tlr4"), D("plan"), S("structure")]),
        new("POST", "/api/simulate", "patient", "{\"protocol\":\"standard\",\"start\":\"2026-12-01\",\"at\":\"22:00\",\"tz\":\"Europe/Oslo\",\"horizon\":\"2d\",\"scenario\":\"B\",\"step\":\"6h\",\"weight\":\"70kg\"}",
            [S("protocol", true), S("start", true), S("tz"), W("weight"), S("concentration", dependent: true), S("syringe", dependent: true)]),
        new("POST", "/api/plan", "patient", "{\"protocol\":\"standard\",\"start\":\"2026-12-01\",\"at\":\"22:00\",\"tz\":\"Europe/Oslo\",\"formulation\":\"capsule\",\"weight\":\"70kg\",\"medications\":[\"levothyroxine\"]}",
            [S("protocol", true), S("start", true), S("at"), S("tz"), S("formulation"), W("weight"), S("concentration", dependent: true), S("syringe", dependent: true),
             L("medications"), B("pregnant"), B("hepaticImpairment"), S("surgery")]),
        new("POST", "/api/journal/doses", "patient", "{" + At + ",\"doseMg\":1.5,\"confirm\":true}",
            [S("at"), N("doseMg", dependent: true), S("formulation"), B("skipped"), F("note"), S("timeZone"), B("confirm", dependent: true), F("reason")]),
        new("PUT", "/api/journal/doses/1", "patient", "{\"doseMg\":2,\"confirm\":true}",
            [S("at"), N("doseMg"), S("formulation"), B("skipped"), F("note"), S("timeZone"), B("confirm", dependent: true), F("reason")], Once: true),
        new("POST", "/api/journal/checkins", "patient", "{" + At + ",\"scores\":{\"pain\":4}}",
            [S("at"), S("timeZone"), M("scores", true), I("scores.pain", true), F("note"), F("reason")]),
        new("PUT", "/api/journal/checkins/1", "patient", "{\"scores\":{\"pain\":3}}", [S("at"), S("timeZone"), M("scores"), I("scores.pain", true), F("note"), F("reason")], Once: true),
        new("POST", "/api/journal/sideeffects", "patient", "{\"kind\":\"insomnia\",\"from\":\"2026-11-30T22:00Z\",\"confirm\":true}",
            [S("kind", true), S("severity"), S("from"), S("to"), S("timeZone"), F("note"), B("confirm", dependent: true), F("reason")]),
        new("PUT", "/api/journal/sideeffects/1", "patient", "{\"severity\":\"moderate\"}",
            [S("kind"), S("severity"), S("from"), S("to"), S("timeZone"), F("note"), B("confirm", dependent: true), F("reason")], Once: true),
        new("POST", "/api/journal/events", "patient", "{\"kind\":\"flare\"," + At + "}", [S("kind", true), S("at"), S("timeZone"), F("note"), F("reason")]),
        new("PUT", "/api/journal/events/1", "patient", "{\"kind\":\"infection\"}", [S("kind"), S("at"), S("timeZone"), F("note"), F("reason")], Once: true),
        new("POST", "/api/journal/medications", "patient", "{\"name\":\"supplement {n}\",\"since\":\"2026-11-01 08:00\"}",
            [F("name", true), S("since"), B("confirm", dependent: true), F("reason")]),
        new("PUT", "/api/journal/medications/1", "patient", "{\"until\":\"2026-12-01 08:00\"}", [F("name"), S("since"), S("until"), B("confirm", dependent: true), F("reason")], Once: true),
        new("POST", "/api/journal/scales", "patient", "{\"name\":\"scale {n}\",\"higherIsWorse\":true}",
            [F("name", true), B("higherIsWorse"), F("low"), F("high"), I("min"), I("max")], Once: true),
        new("PUT", "/api/journal/plan", "patient", "{\"protocol\":\"standard\",\"start\":\"2026-12-01\"}",
            [S("protocol", true), S("start"), S("at"), S("tz"), S("formulation"), W("weight"), L("medications"), B("pregnant"), S("surgery")]),
        new("POST", "/api/journal/plan/adjust", "patient", "{\"action\":\"move-to-morning\"}", [S("action", true), S("from"), S("at")]),
        new("POST", "/api/sharing/invitations", "patient", "{\"validHours\":24}", [I("validHours")], BodyOptional: true),
        new("POST", "/api/sharing/accept", "clinician", "{\"code\":\"ZZZZZ-ZZZZZ\"}", [S("code", true)], AlwaysRefused: true),
        new("POST", "/api/patients/{patient}/notes", "clinician", "{\"text\":\"note {n}\"}", [F("text", true)]),
        new("GET", "/api/advice", "patient", null, [Q("today")]),
        new("GET", "/api/analysis", "patient", null, [Q("today")]),
        new("GET", "/api/report", "patient", null, [Q("today")]),
        new("GET", "/api/journal/history", "patient", null, [Q("kind"), new("id", CorpusFieldKind.Integer, InQuery: true, Dependent: true)]),
        new("GET", "/api/audit", "patient", null, [Q("before"), new("limit", CorpusFieldKind.Integer, InQuery: true)]),
        new("GET", "/api/patients/{patient}/advice", "clinician", null, [Q("today")]),
        new("DELETE", "/api/journal/events/2", "patient", null, [new("reason", CorpusFieldKind.Free, InQuery: true)], Once: true),
    ];

    private static CorpusField S(string path, bool required = false, bool dependent = false) => new(path, CorpusFieldKind.Strict, required, Dependent: dependent);

    private static CorpusField F(string path, bool required = false) => new(path, CorpusFieldKind.Free, required);

    private static CorpusField N(string path, bool dependent = false) => new(path, CorpusFieldKind.Number, Dependent: dependent);

    private static CorpusField I(string path, bool required = false) => new(path, CorpusFieldKind.Integer, required);

    // A weight: "4.5kg" is one (a light child's), not the nonsense it is for a dose.
    private static CorpusField W(string path) => new(path, CorpusFieldKind.Strict, Valid: ["other unit"]);

    private static CorpusField B(string path, bool dependent = false) => new(path, CorpusFieldKind.Flag, Dependent: dependent);

    private static CorpusField D(string path, bool required = false) => new(path, CorpusFieldKind.Document, required);

    private static CorpusField M(string path, bool required = false) => new(path, CorpusFieldKind.Map, required);

    private static CorpusField L(string path) => new(path, CorpusFieldKind.List);

    private static CorpusField Q(string name) => new(name, CorpusFieldKind.Strict, InQuery: true);
}
