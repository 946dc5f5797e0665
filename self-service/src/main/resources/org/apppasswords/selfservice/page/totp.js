'use strict';

/* Two-factor authentication: enrolment from the QR code or the secret, recovery codes, turning it off. */
const SelfServiceTotp = (function () {
  const api = SelfServiceApi;
  const ui = SelfServiceUi;
  const $ = ui.$;

  /* The primary password again, as for creating an app password: a session alone never takes the second factor. */
  function start(event) {
    event.preventDefault();
    const password = $('totp-start-password').value;
    if (!ui.filled('totp-start-password', password, 'Enter your primary password to confirm.')) {
      return;
    }
    ui.busy(['totp-start'], async function () {
      const enrolment = await ui.forSession(function (token) { return api.startTotp(token, password); });
      $('totp-start-password').value = '';
      $('totp-qr').src = 'data:image/png;base64,' + enrolment.qrCodePng;
      $('totp-secret').textContent = enrolment.secret;
      ui.show('totp-enrol', true);
      ui.render();
      $('totp-confirm-code').focus();
    });
  }

  function confirm(event) {
    event.preventDefault();
    const code = $('totp-confirm-code').value.replace(/\s+/g, '');
    if (!ui.filled('totp-confirm-code', code, 'Enter the code your authenticator app shows now.')) {
      return;
    }
    ui.busy(['totp-confirm'], async function () {
      const confirmation = await ui.forSession(function (token) { return api.confirmTotp(token, code); });
      $('totp-confirm-code').value = '';
      $('totp-secret').textContent = '';
      $('totp-qr').removeAttribute('src');
      ui.show('totp-enrol', false);
      ui.state.session.totpOn = true;
      $('recovery-codes').textContent = confirmation.recoveryCodes.join('\n');
      ui.show('recovery', true);
      ui.render();
      await SelfServiceAppPasswords.loadList();
      ui.notice('Two-factor authentication is on. Save your recovery codes now.');
      $('recovery-copy').focus();
    });
  }

  function recoveryDone() {
    $('recovery-codes').textContent = '';
    ui.show('recovery', false);
    ui.render();
  }

  function downloadRecoveryCodes() {
    const text = 'Recovery codes for ' + ui.state.session.user + ' (each works once)\n\n' + $('recovery-codes').textContent + '\n';
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'recovery-codes.txt';
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  async function disable(event) {
    event.preventDefault();
    const code = $('totp-disable-code').value.replace(/\s+/g, '');
    if (!ui.filled('totp-disable-code', code, 'Enter a new code from your authenticator app or a recovery code.')) {
      return;
    }
    if (!await ui.confirmAction('Turn off two-factor authentication? Your app passwords stay.')) {
      return;
    }
    ui.busy(['totp-disable'], async function () {
      await ui.forSession(function (token) { return api.disableTotp(token, code); });
      $('totp-disable-code').value = '';
      ui.state.session.totpOn = false;
      ui.render();
      await SelfServiceAppPasswords.loadList();
      ui.notice('Two-factor authentication is off.');
    });
  }

  return { start: start, confirm: confirm, recoveryDone: recoveryDone, downloadRecoveryCodes: downloadRecoveryCodes, disable: disable };
}());
