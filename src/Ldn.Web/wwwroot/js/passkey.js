// Passkeys (WebAuthn) for the LDN Workbench pages: register a passkey for the signed-in account and sign in
// with one, over the JSON API (/api/account/passkey/…, /api/account/login/passkey). Loaded as a plain script
// from this site (the Content-Security-Policy allows no inline script); it defines window.ldnPasskey:
//   ldnPasskey.supported()          → true when the browser has WebAuthn
//   await ldnPasskey.register(name?) → { id } of the new passkey (the account must be signed in, by the cookie)
//   await ldnPasskey.signIn(email?) → signs in with the Identity cookie (email optional: any passkey of this site)
// Each throws an Error whose message is the server's one sentence (problem details "detail") or the browser's.
// The options come as WebAuthn JSON (base64url strings); browsers that have
// PublicKeyCredential.parseCreationOptionsFromJSON / parseRequestOptionsFromJSON and credential.toJSON() use
// them, others get the same conversion done here.
// It also wires the pages: a form with data-passkey-add (/account) adds a passkey named by its "name" field and
// reloads the page; an element with data-passkey-signin (/login) holds the "Sign in with a passkey" button,
// which signs in and goes to data-return-url (a local address only). Their buttons stay disabled, with the
// hint shown, where the browser has no passkeys.
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
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      // Not JSON (a proxy's error page): the status is said instead.
    }
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

  async function register(name) {
    const headers = await antiforgery();
    const options = await send('/api/account/passkey/creation-options', {}, headers);
    const credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
    const body = { credential: credentialJson(credential) };
    if (name) {
      body.name = name;
    }
    return send('/api/account/passkey', body, headers);
  }

  async function signIn(email) {
    const options = await send('/api/account/passkey/request-options', email ? { email: email } : {});
    const credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
    await send('/api/account/login/passkey?useCookies=true', { credential: credentialJson(credential) });
  }

  function supported() {
    return typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
  }

  // The browser's refusals (DOMException) in the pages' words; the server's sentences pass as they are.
  function sentence(error) {
    if (error && error.name === 'NotAllowedError') {
      return 'No passkey was used: the request was cancelled or timed out.';
    }
    if (error && error.name === 'InvalidStateError') {
      return 'This device already holds a passkey for this account.';
    }
    if (error && error.name === 'SecurityError') {
      return 'Passkeys work only on this site\'s own address (a name such as localhost, not an IP address).';
    }
    return (error && error.message) || 'The passkey did not work.';
  }

  function show(element, text) {
    if (element) {
      element.textContent = text;
      element.hidden = false;
    }
  }

  // A local address to go to after signing in (never another site: "//host" and "/\\host" are refused).
  function localAddress(address) {
    return typeof address === 'string' && /^\/(?![\/\\])/.test(address) ? address : '/';
  }

  function enable(button, hint) {
    if (button && supported()) {
      button.disabled = false;
      if (hint) {
        hint.hidden = true;
      }
    }
  }

  document.querySelectorAll('form[data-passkey-add]').forEach(function (form) {
    const button = form.querySelector('button[type="submit"]');
    const error = form.querySelector('[role="alert"]');
    enable(button, form.querySelector('[data-passkey-unsupported]'));
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      button.disabled = true;
      if (error) {
        error.hidden = true;
      }
      try {
        await register(form.elements.name.value.trim());
        window.location.assign('/account?passkey=added#passkeys');
      } catch (e) {
        show(error, sentence(e));
        button.disabled = false;
      }
    });
  });

  document.querySelectorAll('[data-passkey-signin]').forEach(function (section) {
    const button = section.querySelector('button');
    const error = section.querySelector('[role="alert"]');
    enable(button, section.querySelector('[data-passkey-unsupported]'));
    if (!button) {
      return;
    }
    button.addEventListener('click', async function () {
      button.disabled = true;
      if (error) {
        error.hidden = true;
      }
      const email = document.getElementById('email');
      try {
        await signIn(email && email.value.trim() ? email.value.trim() : undefined);
        window.location.assign(localAddress(section.getAttribute('data-return-url')));
      } catch (e) {
        show(error, sentence(e));
        button.disabled = false;
      }
    });
  });

  window.ldnPasskey = {
    supported: supported,
    register: register,
    signIn: signIn,
  };
})();
