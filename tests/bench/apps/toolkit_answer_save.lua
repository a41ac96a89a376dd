-- wrk script of the benchmark's "Vastauksen tallennus" scenarios (toolkit/bench.py prepends `clients` and
-- `pause_ms`).
-- Run with as many threads as connections (-t30 -c30): each wrk thread then has one connection and its
-- own Lua state, so it is one team autosaving its own answer: every save names the version its previous
-- save returned, like the page's autosave script, so no save is a conflict. done() prints each client's
-- counts and last texts; toolkit/bench.py compares them with the database.

local threads = {}
local next_client = 0

function setup(thread)
  next_client = next_client + 1
  local client = clients[next_client]
  thread:set("id", next_client)
  thread:set("path", client.path)
  thread:set("key", client.key)
  thread:set("version", client.version)
  thread:set("csrf", client.csrf)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id)
  saved, failed, unsaved_ok, sent = 0, 0, 0, 0
  sent_text, acked_text = "-", "-"
  request_headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Cookie"] = "csrftoken=" .. csrf,
    ["X-CSRFToken"] = csrf,
  }
end

function request()
  sent = sent + 1
  sent_text = "b" .. id .. "-" .. sent
  local body = "key=" .. key .. "&version=" .. version .. "&answer=" .. sent_text
  return wrk.format("POST", path, request_headers, body)
end

function response(status, headers, body)
  body = body or ""
  local returned = tonumber(string.match(body, '"version": (%d+)'))
  if status == 200 and returned and string.find(body, '"status": "saved"', 1, true) then
    saved = saved + 1
    version = returned
    acked_text = sent_text
  else
    failed = failed + 1
    if status < 400 then
      unsaved_ok = unsaved_ok + 1 -- e.g. a redirect instead of JSON: wrk counts only 4xx/5xx as errors
    end
    if returned then
      version = returned -- a conflict names the stored version: go on from there
    end
  end
end

if pause_ms > 0 then
  -- The wait before each save, like the page's autosave: on average pause_ms, spread ±50 % so that
  -- the 30 teams do not all save in the same instant.
  function delay()
    return math.floor(pause_ms * (0.5 + math.random()))
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    io.write(string.format(
      "VALOA-CLIENT %d %d %d %d %d %s %s\n",
      thread:get("id"), thread:get("saved"), thread:get("failed"), thread:get("unsaved_ok"), thread:get("version"),
      thread:get("acked_text"), thread:get("sent_text")
    ))
  end
end
