'use strict';

/*
 * The self-service page. The session (token, user, whether TOTP is on) lives in the variable
 * `session` only: never in storage, cookies or the URL; reloading the page signs out. Secrets
 * shown once (TOTP secret, recovery codes, a new app password) are wiped from the page when the
 * user is done with them or signs out.
 */
(function () {
  const api = SelfServiceApi;
  let session = null;
  let expiryTimer = null;

  function $(id) { return document.getElementById(id); }
  function show(id, visible) { $(id).hidden = !visible; }

  function say(id, text) {
    $('error').textContent = '';
    $('notice').textContent = '';
    // A fresh text node so that screen readers announce a repeated message again.
    window.setTimeout(function () { $(id).textContent = text; }, 20);
  }
  function notice(text) { say('notice', text); }
  function error(text) { say('error', text); }

  function fail(failure) {
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
    const signedIn = session !== null;
    show('sign-in', !signedIn);
    show('account', signedIn);
    show('totp', signedIn);
    show('app-passwords', signedIn);
    $('account-name').textContent = signedIn ? session.user : '';
    if (!signedIn) {
      return;
    }
    const enrolling = !$('totp-enrol').hidden;
    const recovering = !$('recovery').hidden;
    show('totp-off', !session.totpOn && !enrolling);
    show('totp-on', session.totpOn && !recovering);
  }

  function wipeSecrets() {
    ['totp-secret', 'recovery-codes', 'created-password', 'created-label'].forEach(function (id) { $(id).textContent = ''; });
    $('totp-qr').removeAttribute('src');
    ['totp-enrol', 'recovery', 'created'].forEach(function (id) { show(id, false); });
    document.querySelectorAll('input').forEach(function (input) {
      if (input.id !== 'sign-in-user') {
        input.value = '';
      }
    });
  }

  function endSession() {
    session = null;
    window.clearTimeout(expiryTimer);
    wipeSecrets();
    $('list-body').textContent = '';
    render();
    $('sign-in-password').focus();
  }

  function formatTime(iso) {
    const time = document.createElement('time');
    time.dateTime = iso;
    time.textContent = new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return time;
  }

  function cell(row, content) {
    const td = document.createElement('td');
    if (typeof content === 'string') {
      td.textContent = content;
    } else {
      td.appendChild(content);
    }
    row.appendChild(td);
  }

  async function loadList() {
    let entries;
    try {
      entries = await api.listAppPasswords(session.token);
    } catch (failure) {
      if (failure instanceof api.ApiFailure && failure.status === 403) {
        // The API's message names its routes: a person needs the step on this page instead.
        $('app-passwords-blocked').textContent = 'This server lets you create app passwords once two-factor authentication is on:'
          + ' set it up above.';
        show('app-passwords-blocked', true);
        show('app-passwords-manage', false);
        return;
      }
      throw failure;
    }
    show('app-passwords-blocked', false);
    show('app-passwords-manage', true);
    const body = $('list-body');
    body.textContent = '';
    entries.forEach(function (entry) {
      const row = document.createElement('tr');
      row.dataset.id = entry.id;
      cell(row, entry.label);
      cell(row, formatTime(entry.createdAt));
      cell(row, entry.lastUsedAt ? formatTime(entry.lastUsedAt) : 'Never');
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'link revoke';
      revoke.textContent = 'Revoke';
      revoke.setAttribute('aria-label', 'Revoke ' + entry.label);
      revoke.addEventListener('click', function () { revokeOne(entry, revoke); });
      cell(row, revoke);
      body.appendChild(row);
    });
    show('list', entries.length > 0);
    show('list-empty', entries.length === 0);
    show('revoke-all', entries.length > 0);
  }

  async function revokeOne(entry, button) {
    if (!await confirmAction('Revoke the app password "' + entry.label + '"? Mail clients using it stop logging in.')) {
      return;
    }
    button.disabled = true;
    try {
      await api.revokeAppPassword(session.token, entry.id);
      await loadList();
      notice('App password "' + entry.label + '" revoked.');
    } catch (failure) {
      button.disabled = false;
      fail(failure);
      if (session && failure.status === 404) {
        await loadList().catch(fail);
      }
    }
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

  function downloadRecoveryCodes() {
    const text = 'Recovery codes for ' + session.user + ' (each works once)\n\n' + $('recovery-codes').textContent + '\n';
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'recovery-codes.txt';
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function signIn(event) {
    event.preventDefault();
    const user = $('sign-in-user').value.trim();
    const password = $('sign-in-password').value;
    const code = $('sign-in-code').value.replace(/\s+/g, '');
    if (!user || !password) {
      error('Enter your mail address and your primary password.');
      return;
    }
    busy(['sign-in-submit'], async function () {
      const opened = await api.signIn(user, code ? password + '$' + code : password);
      $('sign-in-password').value = '';
      $('sign-in-code').value = '';
      // Signing in with the password alone works only while TOTP is off, and a code only once it is on.
      session = { token: opened.token, user: user, totpOn: code !== '' };
      const remaining = Date.parse(opened.expiresAt) - Date.now();
      expiryTimer = window.setTimeout(function () {
        endSession();
        error('Your session has ended (it expired): sign in again.');
      }, Math.max(remaining, 0));
      render();
      await loadList();
      notice('Signed in as ' + user + '.');
      $('totp-title').focus();
    });
  }

  function startTotp() {
    busy(['totp-start'], async function () {
      const enrolment = await api.startTotp(session.token);
      $('totp-qr').src = 'data:image/png;base64,' + enrolment.qrCodePng;
      $('totp-secret').textContent = enrolment.secret;
      show('totp-enrol', true);
      render();
      $('totp-confirm-code').focus();
    });
  }

  function confirmTotp(event) {
    event.preventDefault();
    const code = $('totp-confirm-code').value.replace(/\s+/g, '');
    busy(['totp-confirm'], async function () {
      const confirmation = await api.confirmTotp(session.token, code);
      $('totp-confirm-code').value = '';
      $('totp-secret').textContent = '';
      $('totp-qr').removeAttribute('src');
      show('totp-enrol', false);
      session.totpOn = true;
      $('recovery-codes').textContent = confirmation.recoveryCodes.join('\n');
      show('recovery', true);
      render();
      await loadList();
      notice('Two-factor authentication is on. Save your recovery codes now.');
      $('recovery-copy').focus();
    });
  }

  function recoveryDone() {
    $('recovery-codes').textContent = '';
    show('recovery', false);
    render();
  }

  async function disableTotp(event) {
    event.preventDefault();
    const code = $('totp-disable-code').value.replace(/\s+/g, '');
    if (!await confirmAction('Turn off two-factor authentication? Your app passwords stay.')) {
      return;
    }
    busy(['totp-disable'], async function () {
      await api.disableTotp(session.token, code);
      $('totp-disable-code').value = '';
      session.totpOn = false;
      render();
      await loadList();
      notice('Two-factor authentication is off.');
    });
  }

  function createAppPassword(event) {
    event.preventDefault();
    const label = $('create-label').value.trim();
    const password = $('create-password').value;
    busy(['create-submit'], async function () {
      const created = await api.createAppPassword(session.token, label, password);
      $('create-password').value = '';
      $('create-label').value = '';
      $('created-label').textContent = created.label;
      $('created-password').textContent = created.password;
      show('created', true);
      await loadList();
      notice('App password "' + created.label + '" created: copy it now, it is shown only once.');
      $('created-copy').focus();
    });
  }

  function createdDone() {
    $('created-password').textContent = '';
    $('created-label').textContent = '';
    show('created', false);
  }

  async function revokeAll() {
    if (!await confirmAction('Revoke all your app passwords? Every mail client using one stops logging in.')) {
      return;
    }
    busy(['revoke-all'], async function () {
      await api.revokeAllAppPasswords(session.token);
      await loadList();
      notice('All app passwords revoked.');
    });
  }

  function signOut() {
    busy(['sign-out'], async function () {
      const token = session.token;
      endSession();
      try {
        await api.signOut(token);
      } catch (failure) {
        if (!(failure instanceof api.ApiFailure && failure.sessionEnded)) {
          throw failure;
        }
      }
      notice('Signed out.');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('sign-in-form').addEventListener('submit', signIn);
    $('totp-start').addEventListener('click', startTotp);
    $('totp-confirm-form').addEventListener('submit', confirmTotp);
    $('recovery-done').addEventListener('click', recoveryDone);
    $('recovery-download').addEventListener('click', downloadRecoveryCodes);
    $('totp-disable-form').addEventListener('submit', disableTotp);
    $('create-form').addEventListener('submit', createAppPassword);
    $('created-done').addEventListener('click', createdDone);
    $('revoke-all').addEventListener('click', revokeAll);
    $('sign-out').addEventListener('click', signOut);
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () { copy(button.dataset.copy); });
    });
    $('confirm-yes').addEventListener('click', function () { $('confirm').close('yes'); });
    $('confirm-no').addEventListener('click', function () { $('confirm').close('no'); });
    $('totp-title').tabIndex = -1;
    render();
    $('sign-in-user').focus();
  });
}());
