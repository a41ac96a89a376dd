/* Facilitation mode: one step at a time with a countdown, for the meeting room's screen (docs/facilitation.md).

   Reads the JSON data island #facilitation-data ({title, key, blocks: [{title, minutes, note, steps: [...]}]}),
   flattens it into steps (a block with steps gives its steps; a block without steps is one step) and drives the
   stage that the template rendered hidden. Without JavaScript the template's list of all steps stays as it is.

   Time is kept as timestamps, never as counted ticks: each step's used time is what was banked on pauses plus
   (now - startedAt) while it runs. The state is saved in localStorage under the data's key, so a reload, or a
   browser opened again on the same computer within STALE_MS, continues where it was. */
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

    function load() {
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
            if (k < i) { used += usedMs(k, now); }
        }
        // Steps skipped or gone back over count as planned: a step before the current one that was never run
        // (jumped over with "next") is done, in no time.
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
        stage.querySelector(".js-fac-prev").disabled = i === 0;
        stage.querySelector(".js-fac-next").disabled = i === units.length - 1;
    }

    function renderTime() {
        var now = Date.now();
        var i = state.index;
        var left = remainingMs(i, now);
        var over = left <= 0 && durationMs(i) > 0 && state.started;
        nodes.clock.textContent = left < 0 ? "−" + clock(-left) : clock(left);
        nodes.ended.hidden = !over;
        stage.classList.toggle("is-ended", over);
        stage.classList.toggle("is-running", state.running);
        stage.classList.toggle("is-last-minute", !over && state.running && left <= MINUTE);
        nodes.toggle.textContent = state.running ? text.tPause : (state.started ? text.tResume : text.tStart);
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

    function toggle() {
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
        // Never below zero: −1 min on a step with less than a minute planned ends it.
        state.adjust[i] = Math.max(-planned[i], state.adjust[i] + minutes * MINUTE);
        if (remainingMs(i, now) > MINUTE) { state.warned[i] = false; }
        if (remainingMs(i, now) > 0) { state.ended[i] = false; }
        save();
        renderTime();
        schedule();
        announce(t("tLeft", { time: clock(Math.max(0, remainingMs(i, now))) }));
    }

    function restart() {
        state = freshState();
        save();
        keepAwake(false);
        renderStep();
        renderTime();
        schedule();
        announce(text.tRestarted);
    }

    stage.querySelector(".js-fac-toggle").addEventListener("click", toggle);
    stage.querySelector(".js-fac-prev").addEventListener("click", function () { go(state.index - 1); });
    stage.querySelector(".js-fac-next").addEventListener("click", function () { go(state.index + 1); });
    stage.querySelector(".js-fac-plus").addEventListener("click", function () { adjust(1); });
    stage.querySelector(".js-fac-minus").addEventListener("click", function () { adjust(-1); });
    stage.querySelector(".js-fac-restart").addEventListener("click", restart);
    nodes.chime.checked = Boolean(prefs.chime);
    nodes.chime.addEventListener("change", function () {
        prefs.chime = nodes.chime.checked;
        var store = storage();
        try { if (store) { store.setItem(PREFS_KEY, JSON.stringify(prefs)); } } catch (error) { /* fine */ }
    });

    document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        var tag = (event.target.tagName || "").toLowerCase();
        if (tag === "input" || tag === "textarea" || tag === "select") { return; }
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
    if (state.running) { keepAwake(true); }
    schedule();
}());
