// KOSTRA worksheet functions: KOSTRA.VERDI, KOSTRA.ASSS, KOSTRA.INDEKS.
//
// They run in Excel's JavaScript-only custom-functions runtime, apart from the task pane (no shared state is
// needed: both ask the service). That runtime has no page address to resolve relative URLs against, so the service
// writes its own public address into this file when it serves it ({BASE_URL} below).
//
// Refreshing without volatile functions: each function is a streaming function. It answers from a per-call cache,
// and one shared watcher polls the data revision (/api/addin/revision) while any cell uses a function; when the
// revision moves, the cache is dropped and every live cell fetches its figure again. Cells recalculate when new data
// is imported, and never otherwise.
//
// Sign-in: when the service requires it, the task pane keeps the person's access token (or the personal API token they
// pasted) in OfficeRuntime.storage (the storage Office shares between an add-in's pane and its functions); every
// request here sends it. A cell asked before anyone signed in says so, and the watcher recalculates the cells once a
// token appears or changes. A municipality may be given by number or by name («Bærum»): the service resolves it.
(function (root) {
  "use strict";

  var BASE_URL = "{BASE_URL}";
  var POLL_MS = 60 * 1000;
  var STATISTICS = { snitt: "mean", "høyest": "high", hoyest: "high", lavest: "low" };
  var STATUS_TEXT = {
    ".": "ikke mulig å oppgi (.)",
    "..": "ikke tilgjengelig ennå (..)",
    ":": "skjermet (:)",
    "-": "null eller ingenting (-)",
  };

  var TOKEN_KEY = "kostra.accessToken";
  var SIGN_IN = "KOSTRA-tjenesten krever innlogging: åpne KOSTRA-panelet og logg inn. Verdien hentes da av seg selv.";

  var cache = new Map();
  var lastToken = null;
  var listeners = new Set();
  var revision = null;
  var timer = null;

  function regionCode(region) {
    if (typeof region === "number") return String(region).padStart(4, "0");
    return String(region).trim();
  }

  function fail(message) {
    return new root.CustomFunctions.Error(root.CustomFunctions.ErrorCode.notAvailable, message);
  }

  function invalid(message) {
    return new root.CustomFunctions.Error(root.CustomFunctions.ErrorCode.invalidValue, message);
  }

  /** The figure for one call: a number, or a CustomFunctions.Error whose message says why there is none. */
  function figure(path, params) {
    var query = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
    var url = BASE_URL + path + "?" + query;
    if (!cache.has(url)) {
      cache.set(url, fetchFigure(url).catch(function (e) {
        cache.delete(url);
        throw e;
      }));
    }
    return cache.get(url);
  }

  /**
   * The token the pane left, while it is valid; null without one (or where the service is open). A personal API token
   * (pasted under --auth tokens) carries no expiry: it is sent until the pane forgets it («Logg ut») or the service
   * refuses it.
   */
  function accessToken() {
    var storage = root.OfficeRuntime && root.OfficeRuntime.storage;
    if (!storage) return Promise.resolve(null);
    return Promise.resolve(storage.getItem(TOKEN_KEY)).then(function (text) {
      var kept = text ? JSON.parse(text) : null;
      var valid = kept && (kept.expiresOn === null || kept.expiresOn > Date.now());
      return valid ? kept.accessToken : null;
    }).catch(function () { return null; });
  }

  function get(url) {
    return accessToken().then(function (token) {
      lastToken = token;
      var headers = { Accept: "application/json" };
      if (token) headers.Authorization = "Bearer " + token;
      return root.fetch(url, { headers: headers });
    });
  }

  function fetchFigure(url) {
    return get(url).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 401) {
          // Not cached: once the person signs in, the next refresh gets the figure.
          var refused = new Error(SIGN_IN);
          refused.signIn = true;
          throw refused;
        }
        if (!response.ok) {
          var reason = body && body.error ? body.error : "HTTP-status " + response.status;
          return response.status >= 500 ? fail("Feil i KOSTRA-tjenesten: " + reason) : invalid(reason);
        }
        noteRevision(body.dataRevision);
        if (body.value === null || body.value === undefined) {
          return fail("Ingen verdi for " + body.region.name + ", " + body.indicator.name + " " + body.year + ": "
            + (STATUS_TEXT[body.status] || "status " + body.status));
        }
        return body.value;
      });
    }, function () {
      // Not cached: the next refresh tries again.
      throw new Error("offline");
    });
  }

  function refreshAll() {
    cache.clear();
    listeners.forEach(function (listener) { listener(); });
  }

  function noteRevision(next) {
    if (typeof next !== "number") return;
    if (revision !== null && next !== revision) {
      revision = next;
      refreshAll();
    } else {
      revision = next;
    }
  }

  /** A new or renewed sign-in: cells that were refused, or fetched as someone else, fetch again. */
  function noteToken(token) {
    if (token === lastToken) return;
    lastToken = token;
    if (token !== null) refreshAll();
  }

  function poll() {
    return accessToken().then(noteToken)
      .then(function () { return get(BASE_URL + "/api/addin/revision"); })
      .then(function (r) { return r.json(); })
      .then(function (body) { noteRevision(body.dataRevision); })
      .catch(function () { /* the service is away; try at the next tick */ });
  }

  /** Keeps a cell's result current: now, and again whenever the data revision moves. */
  function stream(invocation, compute) {
    var update = function () {
      var result;
      try {
        result = compute();
      } catch (e) {
        invocation.setResult(e);
        return;
      }
      result.then(function (value) {
        invocation.setResult(value);
      }, function (e) {
        if (e && e.signIn) {
          invocation.setResult(fail(e.message));
          return;
        }
        invocation.setResult(fail("Fikk ikke kontakt med KOSTRA-tjenesten på " + BASE_URL
          + ". Verdien hentes igjen ved neste oppdatering."));
      });
    };
    listeners.add(update);
    if (timer === null) timer = root.setInterval(poll, POLL_MS);
    invocation.onCanceled = function () {
      listeners.delete(update);
      if (listeners.size === 0 && timer !== null) {
        root.clearInterval(timer);
        timer = null;
      }
    };
    update();
  }

  function requireYear(year) {
    var y = Number(year);
    if (!Number.isInteger(y)) throw invalid("År må være et årstall, fikk «" + year + "»");
    return y;
  }

  /**
   * A municipality's figure for an indicator and year.
   * @customfunction VERDI
   */
  function verdi(region, indikator, aar, invocation) {
    stream(invocation, function () {
      return figure("/api/value", { region: regionCode(region), indicator: String(indikator).trim(), year: requireYear(aar) });
    });
  }

  /**
   * The ASSS mean ("snitt"), highest ("høyest") or lowest ("lavest") published figure.
   * @customfunction ASSS
   */
  function asss(indikator, aar, hva, invocation) {
    stream(invocation, function () {
      var statistic = STATISTICS[String(hva === undefined || hva === null ? "snitt" : hva).trim().toLowerCase()];
      if (!statistic) throw invalid("Tredje argument må være \"snitt\", \"høyest\" eller \"lavest\", fikk «" + hva + "»");
      return figure("/api/asss", { indicator: String(indikator).trim(), year: requireYear(aar), statistic: statistic });
    });
  }

  /**
   * The municipality's figure as an index where the ASSS mean is 100.
   * @customfunction INDEKS
   */
  function indeks(region, indikator, aar, invocation) {
    stream(invocation, function () {
      return figure("/api/index", { region: regionCode(region), indicator: String(indikator).trim(), year: requireYear(aar) });
    });
  }

  root.CustomFunctions.associate("VERDI", verdi);
  root.CustomFunctions.associate("ASSS", asss);
  root.CustomFunctions.associate("INDEKS", indeks);
  // For the unit tests, which run this file as it is served.
  root.KostraFunctions = { poll: poll, cacheSize: function () { return cache.size; } };
})(typeof globalThis !== "undefined" ? globalThis : self);
