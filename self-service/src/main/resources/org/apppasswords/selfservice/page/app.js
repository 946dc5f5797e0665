'use strict';

/*
 * The self-service page's wiring: each control to its feature (ui.js shared state and messages,
 * session.js, totp.js, app-passwords.js, activity.js). Every script is served from the page's own origin
 * and touches the page only through textContent, attributes and created elements (no HTML sinks).
 */
document.addEventListener('DOMContentLoaded', function () {
  const ui = SelfServiceUi;
  const $ = ui.$;
  const totp = SelfServiceTotp;
  const appPasswords = SelfServiceAppPasswords;
  $('sign-in-form').addEventListener('submit', SelfServiceSession.signIn);
  $('sign-out').addEventListener('click', SelfServiceSession.signOut);
  $('totp-start-form').addEventListener('submit', totp.start);
  $('totp-confirm-form').addEventListener('submit', totp.confirm);
  $('recovery-done').addEventListener('click', totp.recoveryDone);
  $('recovery-download').addEventListener('click', totp.downloadRecoveryCodes);
  $('totp-disable-form').addEventListener('submit', totp.disable);
  $('create-form').addEventListener('submit', appPasswords.create);
  $('created-done').addEventListener('click', appPasswords.createdDone);
  $('revoke-all').addEventListener('click', appPasswords.revokeAll);
  $('activity-refresh').addEventListener('click', SelfServiceActivity.refresh);
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () { ui.copy(button.dataset.copy); });
  });
  $('confirm-yes').addEventListener('click', function () { $('confirm').close('yes'); });
  $('confirm-no').addEventListener('click', function () { $('confirm').close('no'); });
  // Back from sleep or from another tab: a session that expired meanwhile ends before anything of it is seen.
  document.addEventListener('visibilitychange', SelfServiceSession.checkExpiry);
  window.addEventListener('focus', SelfServiceSession.checkExpiry);
  // Leaving the page ends its session, so that Back (a page kept in the browser's back/forward cache) does not show it again.
  window.addEventListener('pagehide', function () {
    if (ui.state.session !== null) {
      ui.endSession();
    }
  });
  $('totp-title').tabIndex = -1;
  ui.render();
  $('sign-in-user').focus();
});
