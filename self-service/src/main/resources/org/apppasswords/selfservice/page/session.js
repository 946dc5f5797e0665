'use strict';

/*
 * Signing in and out. The session's end is timed from the server's own clock: its lifetime is
 * `expiresAt` minus the answer's Date header, counted down from the sign-in on the computer's
 * clocks, so that a clock set wrong on the user's computer does not end (or stretch) it; one
 * moved forward meanwhile can only end it early. Without a Date header no timer is set, and the
 * API's Bearer 401 ends the session at the next action.
 */
const SelfServiceSession = (function () {
  const api = SelfServiceApi;
  const ui = SelfServiceUi;
  const $ = ui.$;
  // setTimeout fires at once for a delay over 2^31-1 ms (about 24.8 days).
  const MAX_DELAY = 2147483647;

  function lifetime(opened) {
    const lasts = Date.parse(opened.expiresAt) - Date.parse(opened.serverDate);
    return Number.isFinite(lasts) ? Math.max(lasts, 0) : null;
  }

  /* Checks the signed-in session's lifetime now; set for each session by armExpiry. */
  let checkExpiry = function () {};

  /*
   * Ends the session once its lifetime has passed on either of the computer's clocks: the monotonic
   * one, which a clock set wrong or changed meanwhile does not move, and the wall clock, the only
   * one that counts while the computer sleeps (performance.now() stops then on most systems), so
   * that a laptop woken hours later does not show the last user's page. Checked by a timer, and
   * again whenever the page is shown (see app.js).
   */
  function armExpiry(lasts) {
    const session = ui.state.session;
    const deadline = performance.now() + lasts;
    const wallDeadline = Date.now() + lasts;
    const tick = function () {
      if (ui.state.session !== session) {
        return;
      }
      const left = Math.min(deadline - performance.now(), wallDeadline - Date.now());
      if (left > 0) {
        ui.setExpiryTimer(window.setTimeout(tick, Math.min(left, MAX_DELAY)));
        return;
      }
      ui.endSession();
      ui.error('Your session has ended (it expired): sign in again.');
    };
    checkExpiry = tick;
    tick();
  }

  function signIn(event) {
    event.preventDefault();
    const user = $('sign-in-user').value.trim();
    const password = $('sign-in-password').value;
    const code = $('sign-in-code').value.replace(/\s+/g, '');
    if (!ui.filled(user ? 'sign-in-password' : 'sign-in-user', user && password, 'Enter your mail address and your primary password.')) {
      return;
    }
    ui.busy(['sign-in-submit'], async function () {
      const opened = await api.signIn(user, code ? password + '$' + code : password);
      $('sign-in-password').value = '';
      $('sign-in-code').value = '';
      // Signing in with the password alone works only while TOTP is off, and a code only once it is on.
      ui.state.session = { token: opened.token, user: user, totpOn: code !== '' };
      const lasts = lifetime(opened);
      if (lasts !== null) {
        armExpiry(lasts);
      }
      ui.render();
      await SelfServiceAppPasswords.loadList();
      await SelfServiceActivity.load();
      ui.notice('Signed in as ' + user + '.');
      $('totp-title').focus();
    });
  }

  function signOut() {
    ui.busy(['sign-out'], async function () {
      const token = ui.state.session.token;
      ui.endSession();
      // Signed out on purpose: the next person here starts from an empty form, not from this account's name.
      $('sign-in-user').value = '';
      $('sign-in-user').focus();
      try {
        await api.signOut(token);
      } catch (failure) {
        if (!(failure instanceof api.ApiFailure && failure.sessionEnded)) {
          ui.error('Signed out of this page, but the server could not end the session: it stays valid until it expires. '
            + api.describe(failure));
          return;
        }
      }
      ui.notice('Signed out.');
    });
  }

  return { signIn: signIn, signOut: signOut, checkExpiry: function () { checkExpiry(); } };
}());
