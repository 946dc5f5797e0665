'use strict';

/* App passwords: the list with what each may do and its times, creating one (shown once), revoking one or all. */
const SelfServiceAppPasswords = (function () {
  const api = SelfServiceApi;
  const ui = SelfServiceUi;
  const $ = ui.$;

  // The page's three choices, each a group of the API's protocols.
  const SCOPES = [
    { box: 'scope-read', name: 'Read mail', protocols: ['imap', 'pop3', 'jmap'] },
    { box: 'scope-send', name: 'Send mail', protocols: ['smtp'] },
    { box: 'scope-filters', name: 'Mail filters', protocols: ['managesieve'] }
  ];

  /* What an entry may do, in the page's words: "Everything", or the choices it holds whole, then any other protocol. */
  function describeScope(protocols) {
    if (protocols.length === 5) {
      return 'Everything';
    }
    const named = SCOPES.filter(function (scope) {
      return scope.protocols.every(function (protocol) { return protocols.includes(protocol); });
    });
    const covered = named.flatMap(function (scope) { return scope.protocols; });
    const others = protocols.filter(function (protocol) { return !covered.includes(protocol); }).map(function (p) { return p.toUpperCase(); });
    return named.map(function (scope) { return scope.name; }).concat(others).join(', ');
  }

  // The servers of the create answer's settings, in the order a mail client asks for them.
  const SERVERS = [
    ['imap', 'Incoming mail (IMAP)'], ['pop3', 'Incoming mail (POP3)'], ['smtp', 'Outgoing mail (SMTP)'],
    ['managesieve', 'Mail filters (ManageSieve)']
  ];

  /* The server settings, when the server has them (clients.* in its configuration), in plain words. */
  function showSettings(settings) {
    const list = $('created-settings-list');
    list.textContent = '';
    function add(term, description) {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = description;
      list.appendChild(dt);
      list.appendChild(dd);
    }
    if (settings) {
      add('User name', settings.username);
      add('Password', 'the app password above');
      SERVERS.filter(function (server) { return settings[server[0]]; }).forEach(function (server) {
        const described = settings[server[0]];
        add(server[1], described.host + ', port ' + described.port + ', ' + (described.security === 'tls' ? 'SSL/TLS' : 'STARTTLS'));
      });
      if (settings.jmap) {
        add('JMAP session', settings.jmap);
      }
    }
    ui.show('created-settings', Boolean(settings));
  }

  /* The device chooser is offered only when the server sets devices up (clients.* in its configuration). */
  async function offerDevices() {
    let offered = false;
    try {
      offered = (await ui.forSession(api.deviceSetup)).devices.length > 0;
    } catch (failure) {
      if (!(failure instanceof api.ApiFailure && failure.status === 404)) {
        throw failure;
      }
    }
    ui.show('create-device', offered);
  }

  function chosenDevice() {
    if ($('create-device').hidden) {
      return undefined;
    }
    const checked = document.querySelector('input[name="device"]:checked');
    return checked ? checked.value : 'other';
  }

  /* What the create answer carries for the device chosen: a one-time profile link, or a QR code. */
  function showDevice(device) {
    const apple = Boolean(device && device.type === 'apple');
    const android = Boolean(device && device.type === 'thunderbird-android');
    $('created-profile-link').href = apple ? device.profileUrl : '#';
    $('created-apple-until').textContent = apple
      ? new Date(device.expiresAt).toLocaleTimeString(undefined, { timeStyle: 'short' }) : '';
    $('created-qr').src = android ? 'data:image/png;base64,' + device.qrCodePng : '';
    if (!android) {
      $('created-qr').removeAttribute('src');
    }
    ui.show('created-apple', apple);
    ui.show('created-thunderbird-android', android);
  }

  function chosenProtocols() {
    return SCOPES.filter(function (scope) { return $(scope.box).checked; })
      .flatMap(function (scope) { return scope.protocols; });
  }

  function formatTime(iso) {
    const time = document.createElement('time');
    time.dateTime = iso;
    time.textContent = new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return time;
  }

  /* When, and over what from where when known: "5 Dec 2026, 10:04 (IMAP from 192.0.2.7)". */
  function lastUse(entry) {
    const span = document.createElement('span');
    span.appendChild(formatTime(entry.lastUsedAt));
    const how = [entry.lastUsedProtocol, entry.lastUsedAddress ? 'from ' + entry.lastUsedAddress : null].filter(Boolean).join(' ');
    if (how) {
      span.appendChild(document.createTextNode(' (' + how + ')'));
    }
    return span;
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
    await offerDevices();
    let entries;
    try {
      entries = await ui.forSession(api.listAppPasswords);
    } catch (failure) {
      if (failure instanceof api.ApiFailure && failure.status === 403) {
        // The API's message names its routes: a person needs the step on this page instead.
        $('app-passwords-blocked').textContent = 'This server lets you create app passwords once two-factor authentication is on:'
          + ' set it up above.';
        ui.show('app-passwords-blocked', true);
        ui.show('app-passwords-manage', false);
        return;
      }
      throw failure;
    }
    ui.show('app-passwords-blocked', false);
    ui.show('app-passwords-manage', true);
    const body = $('list-body');
    body.textContent = '';
    entries.forEach(function (entry) {
      const row = document.createElement('tr');
      row.dataset.id = entry.id;
      cell(row, entry.label);
      cell(row, describeScope(entry.protocols));
      cell(row, formatTime(entry.createdAt));
      cell(row, entry.lastUsedAt ? lastUse(entry) : 'Never');
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'link revoke';
      revoke.textContent = 'Revoke';
      revoke.setAttribute('aria-label', 'Revoke ' + entry.label);
      revoke.addEventListener('click', function () { revokeOne(entry, revoke); });
      cell(row, revoke);
      body.appendChild(row);
    });
    ui.show('list', entries.length > 0);
    ui.show('list-empty', entries.length === 0);
    ui.show('revoke-all', entries.length > 0);
  }

  async function revokeOne(entry, button) {
    if (!await ui.confirmAction('Revoke the app password "' + entry.label + '"? Mail clients using it stop logging in.')) {
      return;
    }
    button.disabled = true;
    try {
      await ui.forSession(function (token) { return api.revokeAppPassword(token, entry.id); });
      await loadList();
      ui.notice('App password "' + entry.label + '" revoked.');
    } catch (failure) {
      button.disabled = false;
      ui.fail(failure);
      if (ui.state.session && failure.status === 404) {
        await loadList().catch(ui.fail);
      }
    }
  }

  function create(event) {
    event.preventDefault();
    const label = $('create-label').value.trim();
    const password = $('create-password').value;
    if (!ui.filled('create-label', label, 'Enter a label naming the device or app.')
        || !ui.filled('create-password', password, 'Enter your primary password to confirm.')) {
      return;
    }
    const protocols = chosenProtocols();
    if (protocols.length === 0) {
      ui.error('Choose at least one thing the app password may do.');
      $('scope-read').focus();
      return;
    }
    ui.busy(['create-submit'], async function () {
      const device = chosenDevice();
      const created = await ui.forSession(function (token) { return api.createAppPassword(token, label, password, protocols, device); });
      $('create-password').value = '';
      $('create-label').value = '';
      SCOPES.forEach(function (scope) { $(scope.box).checked = true; });
      $('device-other').checked = true;
      $('created-label').textContent = created.label;
      $('created-password').textContent = created.password;
      showSettings(created.settings);
      showDevice(created.device);
      ui.show('created', true);
      await loadList();
      ui.notice('App password "' + created.label + '" created: copy it now, it is shown only once.');
      $('created-copy').focus();
    });
  }

  function createdDone() {
    $('created-password').textContent = '';
    $('created-label').textContent = '';
    showSettings(null);
    showDevice(null);
    ui.show('created', false);
  }

  async function revokeAll() {
    if (!await ui.confirmAction('Revoke all your app passwords? Every mail client using one stops logging in.')) {
      return;
    }
    ui.busy(['revoke-all'], async function () {
      await ui.forSession(api.revokeAllAppPasswords);
      await loadList();
      ui.notice('All app passwords revoked.');
    });
  }

  return { loadList: loadList, create: create, createdDone: createdDone, revokeAll: revokeAll };
}());
