/* Facilitation mode: one step at a time with a countdown, for the meeting room's screen (docs/facilitation.md).

   Reads the JSON data island #facilitation-data ({title, key, blocks: [{title, minutes, note, steps: [...]}]}),
   flattens it into steps (a block with steps gives its steps; a block without steps is one step) and drives the
   stage that the template rendered hidden. Without JavaScript the template's list of all steps stays as it is.

   Time is kept as timestamps, never as counted ticks: each step's used time is what was banked on pauses plus
   (now - startedAt) while it runs.

   Two modes:
   - A team's plan (a data island #facilitation-shared: the state URL, the live path, the topic and the state):
     the state is the server's, one per plan, shared by every screen (docs/facilitation.md). The controls are
     POSTs naming the version this screen saw and its random key (sessionStorage); the answer, and the live
     message every other screen gets, carries the new state with the server's clock (`now`), from which each
     screen computes the same remaining time. On every (re)connect the screen fetches the state; while the
     live channel is down it polls. The controls belong to one screen; the others show "Ota ohjaus".
   - A public tool's view (no shared island): the state is saved in localStorage under the data's key, so a
     reload, or a browser opened again on the same computer within STALE_MS, continues where it was. */
(function () {
    "use strict";

    var STALE_MS = 12 * 60 * 60 * 1000;
    var MINUTE = 60 * 1000;
    var STORE_PREFIX = "valoa-facilitate:";
    var PREFS_KEY = "valoa-facilitate-prefs";

    var island = document.getElementById("facilitation-data");
    var stage = document.querySelector(".js-facilitate");
    if (!island || !stage) { return; }
    var data;
    try { data = JSON.parse(island.textContent); } catch (error) { return; }
    if (!data || !Array.isArray(data.blocks)) { return; }

    var text = stage.dataset;  // translated strings from the template (data-t-*)
    function t(name, values) {
        var s = text[name] || "";
        Object.keys(values || {}).forEach(function (k) { s = s.split("%(" + k + ")s").join(values[k]); });
        return s;
    }

    // Flatten: the units the timer walks through.
    var units = [];
    data.blocks.forEach(function (block, blockIndex) {
        var steps = Array.isArray(block.steps) ? block.steps : [];
        if (steps.length) {
            steps.forEach(function (step, stepIndex) {
                units.push({
                    block: block.title || "", blockIndex: blockIndex, stepIndex: stepIndex, stepCount: steps.length,
                    title: step.title || "", minutes: Math.max(0, Number(step.minutes) || 0),
                    group: step.group || "", instruction: step.instruction || ""
                });
            });
        } else {
            units.push({
                block: "", blockIndex: blockIndex, stepIndex: 0, stepCount: 0,
                title: block.title || "", minutes: Math.max(0, Number(block.minutes) || 0),
                group: "", instruction: block.note || ""
            });
        }
    });
    if (!units.length) { return; }
    var planned = units.map(function (u) { return u.minutes * MINUTE; });
    var signature = planned.join(",");  // a changed plan starts afresh
    var storeKey = STORE_PREFIX + (data.key || data.title || "");

    var shared = null;
    var sharedIsland = document.getElementById("facilitation-shared");
    if (sharedIsland) {
        try { shared = JSON.parse(sharedIsland.textContent); } catch (error) { shared = null; }
    }
    var POLL_MS = 2000;
    var RELOAD_KEY = "valoa-facilitate-reloaded";

    function freshState() {
        return {
            signature: signature, index: 0, running: false, startedAt: null, started: false,
            used: units.map(function () { return 0; }),
            adjust: units.map(function () { return 0; }),
            warned: units.map(function () { return false; }),
            ended: units.map(function () { return false; }),
            savedAt: Date.now()
        };
    }

    function storage() {
        try { return window.localStorage; } catch (error) { return null; }
    }

    function flags(value) { return units.map(function () { return value; }); }

    // A server state ({version, index, running, started, startedAt, now, planned, used, adjust, controller}) in
    // this browser's clock: the server's timestamps moved by the difference between the two clocks.
    function fromServer(server, previous) {
        var offset = server.now - Date.now();
        var sameRun = previous && previous.started && server.started;
        return {
            signature: (server.planned || []).join(","), version: server.version, index: server.index,
            running: server.running, started: server.started,
            startedAt: server.startedAt === null ? null : server.startedAt - offset,
            used: server.used.slice(), adjust: server.adjust.slice(),
            warned: sameRun ? previous.warned : flags(false), ended: sameRun ? previous.ended : flags(false),
            controller: server.controller || "", savedAt: Date.now()
        };
    }

    function load() {
        if (shared) { return fromServer(shared.initial, null); }
        var store = storage();
        if (!store) { return freshState(); }
        try {
            var saved = JSON.parse(store.getItem(storeKey) || "null");
            if (saved && saved.signature === signature && Date.now() - saved.savedAt < STALE_MS &&
                    saved.used && saved.used.length === units.length) {
                return saved;
            }
        } catch (error) { /* a damaged entry: start afresh */ }
        return freshState();
    }

    function save() {
        state.savedAt = Date.now();
        if (shared) { return; }  // the server holds the shared state
        var store = storage();
        if (!store) { return; }
        try { store.setItem(storeKey, JSON.stringify(state)); } catch (error) { /* full or blocked: fine */ }
    }

    function loadPrefs() {
        var store = storage();
        try { return JSON.parse((store && store.getItem(PREFS_KEY)) || "{}") || {}; } catch (error) { return {}; }
    }

    var state = load();
    var prefs = loadPrefs();

    // Time ---------------------------------------------------------------------------------------------------

    function usedMs(i, now) {
        var ms = state.used[i];
        if (i === state.index && state.running && state.startedAt !== null) { ms += now - state.startedAt; }
        return ms;
    }
    function durationMs(i) { return Math.max(0, planned[i] + state.adjust[i]); }
    function remainingMs(i, now) { return durationMs(i) - usedMs(i, now); }

    function bank(now) {
        if (state.running && state.startedAt !== null) {
            state.used[state.index] += now - state.startedAt;
            state.startedAt = now;
        }
    }

    function clock(ms) {
        var total = Math.ceil(Math.max(0, ms) / 1000);
        var hours = Math.floor(total / 3600);
        var minutes = Math.floor((total % 3600) / 60);
        var seconds = total % 60;
        var mm = (hours && minutes < 10 ? "0" : "") + minutes;
        var ss = (seconds < 10 ? "0" : "") + seconds;
        return (hours ? hours + ":" : "") + mm + ":" + ss;
    }

    // The session: what is left is the current step's remaining time plus the later steps' planned time.
    // Ahead/behind compares the projected end (time used + still to come) with the planned total.
    function session(now) {
        var i = state.index;
        var left = Math.max(0, remainingMs(i, now));
        var used = 0;
        var plannedTotal = 0;
        for (var k = 0; k < units.length; k += 1) {
            plannedTotal += planned[k];
            if (k > i) { left += planned[k]; }
            // A step before the current one that never ran (skipped with "Seuraava") counts as planned: skipping
            // does not put the meeting ahead of schedule.
            if (k < i) { used += state.used[k] > 0 ? usedMs(k, now) : durationMs(k); }
        }
        var projected = used + usedMs(i, now) + left;
        return { left: left, delta: projected - plannedTotal };
    }

    // The screen ------------------------------------------------------------------------------------------------

    function el(name) { return stage.querySelector("[data-fac='" + name + "']"); }
    var nodes = {
        block: el("block"), position: el("position"), title: el("title"), group: el("group"), clock: el("clock"),
        ended: el("ended"), instruction: el("instruction"), session: el("session"), schedule: el("schedule"),
        live: el("live"), toggle: el("toggle"), chime: el("chime")
    };
    var list = document.querySelector(".js-facilitate-list");

    function announce(message) {
        // Emptied first, so that the same words twice are read twice.
        nodes.live.textContent = "";
        window.setTimeout(function () { nodes.live.textContent = message; }, 50);
    }

    function stepLabel(i) {
        var unit = units[i];
        return unit.title || t("tStep", { n: unit.stepIndex + 1 });
    }

    function announceStart(i) {
        var unit = units[i];
        var parts = [t("tStarts", { position: i + 1, total: units.length, title: stepLabel(i) })];
        if (unit.group) { parts.push(unit.group + "."); }
        parts.push(t("tMinutes", { m: Math.round(durationMs(i) / MINUTE) }));
        announce(parts.join(" "));
    }

    function renderStep() {
        var i = state.index;
        var unit = units[i];
        // A plan's block and the step within it; a single tool's name is in the header already.
        var inBlock = data.blocks.length > 1 && unit.block;
        nodes.block.textContent = inBlock ? unit.block + (unit.stepCount > 1 ?
            " · " + t("tStepOf", { n: unit.stepIndex + 1, total: unit.stepCount }) : "") : "";
        nodes.block.hidden = !inBlock;
        nodes.position.textContent = t("tPosition", { position: i + 1, total: units.length });
        nodes.title.textContent = stepLabel(i);
        nodes.group.textContent = unit.group;
        nodes.group.hidden = !unit.group;
        nodes.instruction.textContent = "";
        unit.instruction.split(/\n+/).forEach(function (line) {
            if (!line.trim()) { return; }
            var p = document.createElement("p");
            p.textContent = line;
            nodes.instruction.appendChild(p);
        });
        setDisabled(stage.querySelector(".js-fac-prev"), i === 0);
        setDisabled(stage.querySelector(".js-fac-next"), i === units.length - 1);
    }

    // A focused button that turns disabled would drop the focus to <body>: it moves to the start/pause button
    // first (WCAG 2.4.3).
    function setDisabled(button, disabled) {
        if (!button) { return; }
        if (disabled && document.activeElement === button && nodes.toggle) { nodes.toggle.focus(); }
        button.disabled = disabled;
    }

    function renderTime() {
        var now = Date.now();
        var i = state.index;
        var left = remainingMs(i, now);
        setDisabled(stage.querySelector(".js-fac-minus"), left <= MINUTE);
        var over = left <= 0 && durationMs(i) > 0 && state.started;
        nodes.clock.textContent = left < 0 ? "−" + clock(-left) : clock(left);
        nodes.ended.hidden = !over;
        stage.classList.toggle("is-ended", over);
        stage.classList.toggle("is-running", state.running);
        stage.classList.toggle("is-last-minute", !over && state.running && left <= MINUTE);
        if (nodes.toggle) {
            nodes.toggle.textContent = state.running ? text.tPause : (state.started ? text.tResume : text.tStart);
        }
        var s = session(now);
        nodes.session.textContent = clock(s.left);
        var minutes = Math.round(Math.abs(s.delta) / MINUTE);
        nodes.schedule.textContent = minutes === 0 ? text.tOnTime :
            t(s.delta < 0 ? "tAhead" : "tBehind", { m: minutes });
        nodes.schedule.className = "facilitate__schedule" + (minutes === 0 ? "" :
            (s.delta < 0 ? " is-ahead" : " is-behind"));

        if (!state.running) { return; }
        // Told once per step, and only while the clock runs: a minute left, then the end.
        if (!state.warned[i] && left <= MINUTE && left > 0 && durationMs(i) > MINUTE) {
            state.warned[i] = true;
            save();
            announce(t("tOneMinute", { title: stepLabel(i) }));
        }
        if (!state.ended[i] && left <= 0) {
            state.ended[i] = true;
            save();
            announce(t("tEnded", { title: stepLabel(i) }));
            chime();
        }
    }

    // The next render comes when the shown second changes (the countdown rounds up), not on a fixed beat:
    // the numbers flip on time, and an idle screen does no work.
    var timer = null;
    function schedule() {
        window.clearTimeout(timer);
        var wait = 1000;
        if (state.running) {
            wait = ((remainingMs(state.index, Date.now()) % 1000) + 1000) % 1000 || 1000;
        }
        timer = window.setTimeout(function () { renderTime(); schedule(); }, wait);
    }

    // Chime: off by default; a short tone made with Web Audio, no sound file.
    var audio = null;
    function chime() {
        if (!prefs.chime) { return; }
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) { return; }
        try {
            audio = audio || new Context();
            var oscillator = audio.createOscillator();
            var gain = audio.createGain();
            oscillator.frequency.value = 660;
            gain.gain.setValueAtTime(0.25, audio.currentTime);
            gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 1.2);
            oscillator.connect(gain);
            gain.connect(audio.destination);
            oscillator.start();
            oscillator.stop(audio.currentTime + 1.2);
        } catch (error) { /* no sound: the screen shows the end anyway */ }
    }

    // Keep the screen awake while the clock runs, where the browser allows it.
    var wakeLock = null;
    function keepAwake(on) {
        if (on && !wakeLock && navigator.wakeLock && document.visibilityState === "visible") {
            navigator.wakeLock.request("screen").then(function (lock) {
                wakeLock = lock;
                lock.addEventListener("release", function () { wakeLock = null; });
            }, function () { wakeLock = null; });
        } else if (!on && wakeLock) {
            wakeLock.release();
            wakeLock = null;
        }
    }
    document.addEventListener("visibilitychange", function () {
        // The browser drops the lock when the tab is hidden; take it again on return.
        // Timers may have slept in a background tab: catch up at once.
        if (document.visibilityState === "visible") {
            keepAwake(state.running);
            renderTime();
            schedule();
        }
    });

    // Actions ---------------------------------------------------------------------------------------------------
    // In a team's plan each action is a POST (sendAction); the screen changes when the server's state comes
    // back (within the request's round trip), the same state the other screens get through the live channel.

    function toggle() {
        if (shared) { sendAction(state.running ? "pause" : "start"); return; }
        var now = Date.now();
        if (state.running) {
            bank(now);
            state.running = false;
            state.startedAt = null;
            announce(text.tPaused);
        } else {
            var first = !state.started;
            state.running = true;
            state.started = true;
            state.startedAt = now;
            if (first) { announceStart(state.index); } else { announce(text.tResumed); }
        }
        save();
        keepAwake(state.running);
        renderTime();
        schedule();
    }

    function go(index) {
        if (index < 0 || index >= units.length || index === state.index) { return; }
        if (shared) { sendAction(index > state.index ? "next" : "previous"); return; }
        var now = Date.now();
        bank(now);
        state.index = index;
        if (state.running) { state.startedAt = now; }
        save();
        renderStep();
        renderTime();
        schedule();
        announceStart(index);
    }

    function adjust(minutes) {
        var i = state.index;
        var now = Date.now();
        var left = remainingMs(i, now);
        // −1 min stops at one minute left: never at 0, never into overtime.
        if (minutes < 0 && left <= MINUTE) { return; }
        if (shared) { sendAction(minutes > 0 ? "plus" : "minus"); return; }
        if (minutes > 0) {
            state.adjust[i] += MINUTE;
        } else {
            state.adjust[i] -= left - Math.max(MINUTE, left - MINUTE);
        }
        if (remainingMs(i, now) > MINUTE) { state.warned[i] = false; }
        if (remainingMs(i, now) > 0) { state.ended[i] = false; }
        save();
        renderTime();
        schedule();
        announce(t("tLeft", { time: clock(Math.max(0, remainingMs(i, now))) }));
    }

    function restart() {
        if (shared) { sendAction("restart"); return; }
        state = freshState();
        save();
        keepAwake(false);
        renderStep();
        renderTime();
        schedule();
        announce(text.tRestarted);
    }

    // The shared run ------------------------------------------------------------------------------------------

    var myKey = "";
    var myTag = "";
    var wasControlling = null;
    var roleBox = stage.querySelector("[data-fac='role-box']");
    var panel = stage.querySelector("[data-fac='panel']");
    var takeoverButton = stage.querySelector(".js-fac-takeover");
    var connection = stage.querySelector("[data-fac='connection']");

    function screenKey() {
        // This screen's key: random, kept for the tab's life (a reload keeps the controls), never shown.
        var name = "valoa-facilitate-key:" + storeKey;
        var store = null;
        try { store = window.sessionStorage; } catch (error) { store = null; }
        var saved = null;
        try { saved = store && JSON.parse(store.getItem(name) || "null"); } catch (error) { saved = null; }
        if (saved && saved.key) { myTag = saved.tag || ""; return saved.key; }
        var bytes = new Uint8Array(24);
        window.crypto.getRandomValues(bytes);
        var key = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
        try { if (store) { store.setItem(name, JSON.stringify({key: key})); } } catch (error) { /* fine */ }
        return key;
    }

    function rememberTag(tag) {
        if (!tag || tag === myTag) { return; }
        myTag = tag;
        try {
            window.sessionStorage.setItem("valoa-facilitate-key:" + storeKey, JSON.stringify({key: myKey, tag: tag}));
        } catch (error) { /* fine */ }
    }

    function controlling() {
        if (shared.follower) { return false; }
        return !state.controller || (myTag !== "" && state.controller === myTag);
    }

    function renderRole() {
        if (shared.follower || !panel || !roleBox) { return; }
        var mine = controlling();
        var focusInPanel = panel.contains(document.activeElement);
        var focusInRole = roleBox.contains(document.activeElement);
        roleBox.hidden = mine;
        if (mine && focusInRole && nodes.toggle) { panel.hidden = false; nodes.toggle.focus(); }
        if (!mine && focusInPanel && takeoverButton) { roleBox.hidden = false; takeoverButton.focus(); }
        panel.hidden = !mine;
        // Until the server has told this screen its tag, a taken run's controls stay hidden and nothing is said.
        var known = !state.controller || myTag !== "";
        if (known && wasControlling !== null && wasControlling !== mine) { announce(mine ? text.tTaken : text.tLost); }
        if (known) { wasControlling = mine; }
    }

    // A state from the server (an answer, a live message, a poll). An older version than the one shown is
    // dropped (messages may cross); a newer one is shown and announced once.
    function apply(server) {
        if (!server || !Array.isArray(server.used)) { return; }
        if (server.you) { rememberTag(server.you); }
        if ((server.planned || []).join(",") !== signature) {
            // The plan changed since this page was loaded: load it again (once a minute at most).
            var last = 0;
            try { last = Number(window.sessionStorage.getItem(RELOAD_KEY)) || 0; } catch (error) { last = 0; }
            if (Date.now() - last > MINUTE) {
                try { window.sessionStorage.setItem(RELOAD_KEY, String(Date.now())); } catch (error) { /* fine */ }
                window.location.reload();
            }
            return;
        }
        if (server.version < state.version) { return; }
        var previous = state;
        var newer = server.version > previous.version;
        state = fromServer(server, previous);
        if (newer) {
            if (!state.started && previous.started) {
                announce(text.tRestarted);
            } else if (state.index !== previous.index) {
                announceStart(state.index);
            } else if (state.running !== previous.running) {
                if (state.running && !previous.started) { announceStart(state.index); } else {
                    announce(state.running ? text.tResumed : text.tPaused);
                }
            } else if (state.adjust[state.index] !== previous.adjust[state.index]) {
                var left = remainingMs(state.index, Date.now());
                if (left > MINUTE) { state.warned[state.index] = false; }
                if (left > 0) { state.ended[state.index] = false; }
                announce(t("tLeft", { time: clock(Math.max(0, left)) }));
            }
        }
        keepAwake(state.running);
        renderStep();
        renderTime();
        renderRole();
        schedule();
    }

    function csrfToken() {
        var input = stage.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    var queue = window.Promise ? window.Promise.resolve() : null;
    function sendAction(action) {
        if (!queue || !window.fetch) { return; }
        // One at a time, each naming the version the previous one left.
        queue = queue.then(function () { return post(action); });
    }

    function post(action) {
        var body = new URLSearchParams();
        body.set("action", action);
        body.set("version", String(state.version));
        body.set("key", myKey);
        return window.fetch(shared.state, {
            method: "POST", body: body, credentials: "same-origin",
            headers: {"X-CSRFToken": csrfToken(), "Accept": "application/json"}
        }).then(function (response) {
            return response.json().then(function (answer) {
                if (answer && answer.state) {
                    apply(answer.state);
                    if (response.status === 409 && action !== "takeover" && controlling()) {
                        announce(text.tStale);
                    }
                }
            });
        }).catch(function () { /* offline: the next poll or message shows the state */ });
    }

    function fetchState() {
        if (!window.fetch) { return; }
        window.fetch(shared.state + "?avain=" + encodeURIComponent(myKey), {
            credentials: "same-origin", headers: {"Accept": "application/json"}
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (answer) {
            if (answer && answer.state) { apply(answer.state); }
        }).catch(function () { /* the next poll tries again */ });
    }

    var poller = null;
    function channelDown() {
        if (connection) { connection.hidden = false; }
        if (!poller) { poller = window.setInterval(fetchState, POLL_MS); }
        fetchState();
    }
    function channelUp() {
        if (connection) { connection.hidden = true; }
        if (poller) { window.clearInterval(poller); poller = null; }
        fetchState();  // catch up: whatever happened while this screen was away
    }

    if (shared) {
        myKey = screenKey();
        if (takeoverButton) {
            takeoverButton.addEventListener("click", function () { sendAction("takeover"); });
        }
        if (window.valoaLive) {
            window.valoaLive.open(shared.live, {
                message: function (message) {
                    if (message && message.topic === shared.topic && message.event === "state") {
                        apply(message.data);
                    }
                },
                up: channelUp,
                down: channelDown
            });
        } else {
            channelDown();
        }
    }

    function on(selector, handler) {
        var button = stage.querySelector(selector);
        if (button) { button.addEventListener("click", handler); }
    }
    on(".js-fac-toggle", toggle);
    on(".js-fac-prev", function () { go(state.index - 1); });
    on(".js-fac-next", function () { go(state.index + 1); });
    on(".js-fac-plus", function () { adjust(1); });
    on(".js-fac-minus", function () { adjust(-1); });
    on(".js-fac-restart", restart);
    nodes.chime.checked = Boolean(prefs.chime);
    nodes.chime.addEventListener("change", function () {
        prefs.chime = nodes.chime.checked;
        var store = storage();
        try { if (store) { store.setItem(PREFS_KEY, JSON.stringify(prefs)); } } catch (error) { /* fine */ }
    });

    // Shortcuts act only while the timer's region has focus (a click in it, or a button of it): elsewhere on
    // the page, and for assistive technology's own keys, the keys stay the browser's (WCAG 2.1.4).
    stage.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        if (!nodes.toggle || (shared && !controlling())) { return; }
        var tag = (event.target.tagName || "").toLowerCase();
        if (tag === "input" || tag === "textarea" || tag === "select" || tag === "summary") { return; }
        var key = event.key;
        if (key === " " || key === "Spacebar") {
            // On a focused button or link Space is that control's own key.
            if (tag === "button" || tag === "a") { return; }
            event.preventDefault();
            toggle();
        } else if (key === "ArrowRight") {
            event.preventDefault();
            go(state.index + 1);
        } else if (key === "ArrowLeft") {
            event.preventDefault();
            go(state.index - 1);
        } else if (key === "+" || key === "=" || key === "Add") {
            event.preventDefault();
            adjust(1);
        } else if (key === "-" || key === "−" || key === "Subtract") {
            event.preventDefault();
            adjust(-1);
        }
    });

    // Show the stage, keep the full list for print only.
    stage.hidden = false;
    if (list) { list.classList.add("is-print-only"); }
    document.body.classList.add("has-facilitate");
    renderStep();
    renderTime();
    if (shared) { renderRole(); }
    if (state.running) { keepAwake(true); }
    schedule();
}());
