'use strict';

/*
 * What the page's features share: the session (token, user, whether TOTP is on) held in
 * `SelfServiceUi.state.session` only, never in storage, cookies or the URL (reloading the page
 * signs out); the messages; the busy buttons; the confirmation dialog; and the wiping of what a
 * session showed (secrets shown once, the account's details, fields and choices) when it ends.
 */
const SelfServiceUi = (function () {
  const api = SelfServiceApi;
  const state = { session: null };
  let expiryTimer = null;
  let messageTimer = null;

  function $(id) { return document.getElementById(id); }
  function show(id, visible) { $(id).hidden = !visible; }

  /** Shows `text` in the region `id` (error or notice) and empties the other one. */
  function say(id, text) {
    window.clearTimeout(messageTimer);
    $('error').textContent = '';
    $('notice').textContent = '';
    // A fresh text node after a pause, so that screen readers announce a repeated message again.
    messageTimer = window.setTimeout(function () {
      $(id === 'error' ? 'notice' : 'error').textContent = '';
      $(id).textContent = text;
    }, 20);
  }
  function notice(text) { say('notice', text); }
  function error(text) { say('error', text); }

  /**
   * Whether the field `id` holds something; otherwise shows `message` and moves the focus there.
   * Checked before any call, so that an empty password or code never reaches the API, where it
   * would count as a failed login (docs/throttling.md).
   */
  function filled(id, value, message) {
    if (value) {
      return true;
    }
    error(message);
    $(id).focus();
    return false;
  }

  /** In place of an answer that came after its session ended: there is nothing to show, nor to say. */
  class SessionGone extends Error {}

  /**
   * Sends `request(token)` for the session signed in now and gives its answer, or throws
   * SessionGone when that session ended (signed out, expired) before the answer came: nothing
   * asked for in one session may show once it has ended, least of all a secret (a TOTP secret,
   * recovery codes, a new app password) that the next person to sign in on this page would see.
   */
  async function forSession(request) {
    const session = state.session;
    if (session === null) {
      throw new SessionGone();
    }
    let answer;
    try {
      answer = await request(session.token);
    } catch (failure) {
      throw state.session === session ? failure : new SessionGone();
    }
    if (state.session !== session) {
      throw new SessionGone();
    }
    return answer;
  }

  function fail(failure) {
    if (failure instanceof SessionGone) {
      return;
    }
    if (failure instanceof api.ApiFailure && failure.sessionEnded) {
      endSession();
    }
    error(api.describe(failure));
  }

  /** Runs an action with its buttons disabled, so that a double click sends one request. */
  async function busy(buttonIds, action) {
    buttonIds.forEach(function (id) { $(id).disabled = true; });
    try {
      await action();
    } catch (failure) {
      fail(failure);
    } finally {
      buttonIds.forEach(function (id) { $(id).disabled = false; });
    }
  }

  function confirmAction(text) {
    const dialog = $('confirm');
    $('confirm-text').textContent = text;
    dialog.returnValue = '';
    return new Promise(function (resolve) {
      dialog.addEventListener('close', function () { resolve(dialog.returnValue === 'yes'); }, { once: true });
      dialog.showModal();
      $('confirm-no').focus();
    });
  }

  function render() {
    const session = state.session;
    const signedIn = session !== null;
    show('sign-in', !signedIn);
    show('account', signedIn);
    show('totp', signedIn);
    show('app-passwords', signedIn);
    show('activity', signedIn);
    $('account-name').textContent = signedIn ? session.user : '';
    // For password managers: the account the current-password fields belong to.
    $('create-user').value = signedIn ? session.user : '';
    $('totp-start-user').value = signedIn ? session.user : '';
    if (!signedIn) {
      return;
    }
    const enrolling = !$('totp-enrol').hidden;
    const recovering = !$('recovery').hidden;
    show('totp-off', !session.totpOn && !enrolling);
    show('totp-on', session.totpOn && !recovering);
  }

  /*
   * Everything one session showed or typed, so that none of it reaches the next person on this
   * computer: the secrets shown once (a new app password, also inside its QR code and behind its
   * one-time profile link), the account's details, an open confirmation, the fields typed in, and
   * the choices made (back to the page's defaults). The address to sign in with stays, for an
   * expired session; signing out forgets it too.
   */
  function wipeSession() {
    ['totp-secret', 'recovery-codes', 'created-password', 'created-label', 'created-apple-until', 'created-settings-list',
      'confirm-text'].forEach(function (id) { $(id).textContent = ''; });
    ['totp-qr', 'created-qr'].forEach(function (id) { $(id).removeAttribute('src'); });
    $('created-profile-link').href = '#';
    ['totp-enrol', 'recovery', 'created', 'created-apple', 'created-thunderbird-android', 'created-settings']
      .forEach(function (id) { show(id, false); });
    if ($('confirm').open) {
      $('confirm').close('no');
    }
    document.querySelectorAll('input').forEach(function (input) {
      if (input.type === 'checkbox' || input.type === 'radio') {
        input.checked = input.defaultChecked;
      } else if (input.id !== 'sign-in-user') {
        input.value = '';
      }
    });
  }

  function setExpiryTimer(timer) {
    window.clearTimeout(expiryTimer);
    expiryTimer = timer;
  }

  function endSession() {
    state.session = null;
    setExpiryTimer(null);
    wipeSession();
    $('list-body').textContent = '';
    $('activity-body').textContent = '';
    render();
    $('sign-in-password').focus();
  }

  function copy(targetId) {
    const target = $(targetId);
    const text = target.textContent;
    const selectIt = function () {
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      notice('Selected: press Ctrl+C (or Cmd+C) to copy.');
    };
    if (!navigator.clipboard || !window.isSecureContext) {
      selectIt();
      return;
    }
    navigator.clipboard.writeText(text).then(function () { notice('Copied to the clipboard.'); }, selectIt);
  }

  return {
    state: state, $: $, show: show, notice: notice, error: error, filled: filled, forSession: forSession, fail: fail, busy: busy,
    confirmAction: confirmAction, render: render, setExpiryTimer: setExpiryTimer, endSession: endSession, copy: copy
  };
}());
