'use strict';

/*
 * The self-service API (docs/self-service.md) as seen from the page: one function per route, and
 * the sentence shown to the user for each refusal. The session token is passed in by the caller
 * and never stored anywhere but the caller's memory; nothing here touches storage or the URL.
 */
const SelfServiceApi = (function () {
  const BASE = '/app-passwords-api';

  /** A refusal of the API: HTTP status, the API's type and message, Retry-After in seconds. */
  class ApiFailure extends Error {
    constructor(status, type, apiMessage, retryAfter, sessionEnded) {
      super(apiMessage || ('HTTP ' + status));
      this.status = status;
      this.type = type;
      this.apiMessage = apiMessage;
      this.retryAfter = retryAfter;
      this.sessionEnded = sessionEnded;
    }
  }

  function basic(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return 'Basic ' + btoa(binary);
  }

  /** The answer's JSON body and Date header (the server's clock), or an ApiFailure. */
  async function exchange(method, path, authorization, body) {
    const headers = { 'Authorization': authorization, 'Accept': 'application/json' };
    // credentials 'omit': a 401 never opens the browser's own Basic prompt, and the browser never
    // caches the primary password to resend it; the page sends its Authorization header itself.
    const init = { method: method, headers: headers, cache: 'no-store', credentials: 'omit', redirect: 'error' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(BASE + path, init);
    } catch (e) {
      throw new ApiFailure(0, 'Network', 'The server cannot be reached: check your connection and try again.', null, false);
    }
    if (response.status === 204) {
      return { json: null, date: response.headers.get('Date') };
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    if (response.ok) {
      return { json: json, date: response.headers.get('Date') };
    }
    const retryAfter = response.headers.get('Retry-After');
    const challenge = response.headers.get('WWW-Authenticate') || '';
    throw new ApiFailure(response.status, json && json.type, json && json.message, retryAfter,
      response.status === 401 && challenge.indexOf('Bearer') === 0);
  }

  async function send(method, path, authorization, body) {
    return (await exchange(method, path, authorization, body)).json;
  }

  /** Opens a session: its token, expiresAt, and serverDate (the answer's Date header, or null). */
  async function signIn(user, password) {
    const answer = await exchange('POST', '/session', basic(user, password));
    return { token: answer.json.token, expiresAt: answer.json.expiresAt, serverDate: answer.date };
  }

  /** The sentence for the user: what went wrong and what to do, then the API's own words. */
  function describe(failure) {
    if (!(failure instanceof ApiFailure)) {
      return 'Something went wrong in the page: reload it and try again.';
    }
    const detail = failure.apiMessage ? ' (' + failure.apiMessage + ')' : '';
    const wait = failure.retryAfter ? failure.retryAfter + ' seconds' : 'a moment';
    switch (failure.status) {
      case 0: return failure.apiMessage;
      case 400: return 'The server refused what was typed' + detail + '.';
      case 401: return failure.sessionEnded
        ? 'Your session has ended (it expired, you signed out, or your password or second factor changed): sign in again.'
        : 'Sign-in refused: check your address, your primary password and, once two-factor authentication is on, the code.'
          + detail;
      case 403: return 'Refused' + detail + '.';
      case 404: return 'Not found: it may already have been revoked' + detail + '.';
      case 409: return 'Not possible now' + detail + '.';
      case 413: return 'Too long: the request is over the size the server accepts' + detail + '.';
      case 415: return 'The server did not accept the request format' + detail + ': reload the page.';
      case 429: return 'Too many failed attempts: wait ' + wait + ' before trying again.';
      case 503: return 'The server cannot reach its app passwords database: nothing was changed. Try again in ' + wait + '.';
      default: return 'Unexpected answer from the server (HTTP ' + failure.status + '): try again later.';
    }
  }

  return {
    ApiFailure: ApiFailure,
    describe: describe,
    signIn: signIn,
    signOut: function (token) { return send('DELETE', '/session', 'Bearer ' + token); },
    startTotp: function (token, password) { return send('POST', '/totp', 'Bearer ' + token, { password: password }); },
    confirmTotp: function (token, code) { return send('POST', '/totp/confirm', 'Bearer ' + token, { code: code }); },
    disableTotp: function (token, code) { return send('DELETE', '/totp', 'Bearer ' + token, { code: code }); },
    listAppPasswords: function (token) { return send('GET', '/app-passwords', 'Bearer ' + token); },
    /** {@code device}: undefined (not offered), or 'apple', 'thunderbird-android' or 'other'. */
    createAppPassword: function (token, label, password, protocols, device) {
      const body = { label: label, password: password, protocols: protocols };
      if (device) {
        body.device = device;
      }
      return send('POST', '/app-passwords', 'Bearer ' + token, body);
    },
    /** The devices the server sets up ({devices: [...]}); an ApiFailure of status 404 when it sets up none. */
    deviceSetup: function (token) { return send('GET', '/device-setup', 'Bearer ' + token); },
    revokeAppPassword: function (token, id) {
      return send('DELETE', '/app-passwords/' + encodeURIComponent(id), 'Bearer ' + token);
    },
    revokeAllAppPasswords: function (token) { return send('DELETE', '/app-passwords', 'Bearer ' + token); },
    activity: function (token) { return send('GET', '/activity', 'Bearer ' + token); }
  };
}());
