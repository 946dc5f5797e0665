'use strict';

/* Recent activity: the user's last sign-ins (GET /activity), in plain words, newest first. */
const SelfServiceActivity = (function () {
  const api = SelfServiceApi;
  const ui = SelfServiceUi;
  const $ = ui.$;

  const PROTOCOLS = { 'SELF-SERVICE': 'This page', 'MANAGE-SIEVE': 'ManageSieve' };
  const RESULTS = { success: 'Signed in', refused: 'Refused', locked: 'Refused: locked after failures' };

  function method(signIn) {
    switch (signIn.method) {
      case 'app-password':
        return signIn.label ? 'App password "' + signIn.label + '"' : 'An app password';
      case 'password+code':
        return 'Password and code';
      case 'password+recovery-code':
        return 'Password and recovery code';
      default:
        return 'Password';
    }
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  async function load() {
    const signIns = await ui.forSession(api.activity);
    const body = $('activity-body');
    body.textContent = '';
    signIns.forEach(function (signIn) {
      const row = document.createElement('tr');
      row.className = signIn.outcome === 'success' ? 'signed-in' : 'refused';
      const when = document.createElement('td');
      const time = document.createElement('time');
      time.dateTime = signIn.at;
      time.textContent = new Date(signIn.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      when.appendChild(time);
      row.appendChild(when);
      cell(row, PROTOCOLS[signIn.protocol] || signIn.protocol);
      cell(row, signIn.address || 'Unknown');
      cell(row, method(signIn));
      cell(row, RESULTS[signIn.outcome] || signIn.outcome);
      body.appendChild(row);
    });
    ui.show('activity-list', signIns.length > 0);
    ui.show('activity-empty', signIns.length === 0);
  }

  function refresh() {
    ui.busy(['activity-refresh'], load);
  }

  return { load: load, refresh: refresh };
}());
