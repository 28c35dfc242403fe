// Passkeys (WebAuthn) for the LDN Workbench pages: register a passkey for the signed-in account and sign in
// with one, over the JSON API (/api/account/passkey/…, /api/account/login/passkey). Loaded as a plain script
// from this site (the Content-Security-Policy allows no inline script); it defines window.ldnPasskey:
//   ldnPasskey.supported()          → true when the browser has WebAuthn
//   await ldnPasskey.register()     → { id } of the new passkey (the account must be signed in, by the cookie)
//   await ldnPasskey.signIn(email?) → signs in with the Identity cookie (email optional: any passkey of this site)
// Each throws an Error whose message is the server's one sentence (problem details "detail") or the browser's.
// The options come as WebAuthn JSON (base64url strings); browsers that have
// PublicKeyCredential.parseCreationOptionsFromJSON / parseRequestOptionsFromJSON and credential.toJSON() use
// them, others get the same conversion done here.
(function () {
  'use strict';

  function fromBase64Url(text) {
    let base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4 !== 0) {
      base64 += '=';
    }
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (let i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function withIds(descriptors) {
    return (descriptors || []).map(function (d) { return Object.assign({}, d, { id: fromBase64Url(d.id) }); });
  }

  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    return Object.assign({}, json, {
      challenge: fromBase64Url(json.challenge),
      user: Object.assign({}, json.user, { id: fromBase64Url(json.user.id) }),
      excludeCredentials: withIds(json.excludeCredentials),
    });
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    return Object.assign({}, json, {
      challenge: fromBase64Url(json.challenge),
      allowCredentials: withIds(json.allowCredentials),
    });
  }

  // The credential as WebAuthn JSON (RegistrationResponseJSON or AuthenticationResponseJSON).
  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') {
      return credential.toJSON();
    }
    const r = credential.response;
    const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    }
    if (r.authenticatorData) {
      response.authenticatorData = toBase64Url(r.authenticatorData);
      response.signature = toBase64Url(r.signature);
      response.userHandle = r.userHandle ? toBase64Url(r.userHandle) : null;
    }
    return {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: response,
    };
  }

  async function send(url, body, headers) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers || {}),
      body: JSON.stringify(body === undefined ? {} : body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.detail) || ('The server answered ' + response.status + '.'));
    }
    return json;
  }

  // A cookie-signed change needs the antiforgery token of the account signed in.
  async function antiforgery() {
    const response = await fetch('/api/account/antiforgery', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error('The page could not get its antiforgery token; reload it.');
    }
    const answer = await response.json();
    const headers = {};
    headers[answer.headerName] = answer.token;
    return headers;
  }

  async function register() {
    const headers = await antiforgery();
    const options = await send('/api/account/passkey/creation-options', {}, headers);
    const credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
    return send('/api/account/passkey', { credential: credentialJson(credential) }, headers);
  }

  async function signIn(email) {
    const options = await send('/api/account/passkey/request-options', email ? { email: email } : {});
    const credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
    await send('/api/account/login/passkey?useCookies=true', { credential: credentialJson(credential) });
  }

  window.ldnPasskey = {
    supported: function () { return typeof window.PublicKeyCredential === 'function' && !!navigator.credentials; },
    register: register,
    signIn: signIn,
  };
})();
