import { test } from "node:test";
import assert from "node:assert/strict";
import { KostraApi, ApiError } from "../src/taskpane/api.js";
import { SignIn, SignInNeeded, TOKEN_KEY } from "../src/taskpane/auth.js";
import { signInHere } from "../src/taskpane/signin.js";
import { signedIn } from "../src/taskpane/taskpane.js";
import { fakeFetch, fixture } from "./support/fixtures.js";

const BASE = "https://kostra.test";
const OIDC = {
  clientId: "5f0e9c1a-0000-4000-8000-00000000add1",
  authority: "https://login.microsoftonline.com/8f1c2a44-0000-4000-8000-000000003201",
  protocolMode: "AAD",
  knownAuthorities: [],
  scopes: ["api://kostra-workbench/Kostra.Access"],
};
const REQUIRED = [200, { required: true, oidc: OIDC }];
const PROFILE_URL = "/api/profile?region=3201&area=KHT&year=2024";
const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
// What MSAL answers: the ID token (audience: the add-in) beside the access token (audience: the service).
const ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGk6Ly9rb3N0cmEtd29ya2JlbmNoIiwic2NwIjoiS29zdHJhLkFjY2VzcyJ9.c2ln";
const ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI1ZjBlOWMxYSJ9.c2ln";
const result = (accessToken = ACCESS_TOKEN, expiresIn = HOUR) => ({
  accessToken, idToken: ID_TOKEN, expiresOn: new Date(NOW + expiresIn), account: { username: "kari.nordmann@baerum.kommune.no" },
});

/** Office as the pane sees it: whether nested app authentication is supported, and a dialog the test answers. */
function office({ nested }) {
  const dialogs = [];
  return {
    dialogs,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      requirements: { isSetSupported: (name, version) => nested && name === "NestedAppAuth" && version === "1.1" },
      ui: {
        displayDialogAsync(url, options, callback) {
          const dialog = {
            url, handlers: {}, closed: false,
            addEventHandler(type, handler) { this.handlers[type] = handler; },
            close() { this.closed = true; },
          };
          dialogs.push(dialog);
          callback({ status: "succeeded", value: dialog });
        },
      },
    },
  };
}

/** MSAL's nestable client: silent answers from a queue, and a popup when silent fails. */
function nestableMsal({ silent, popup }) {
  const calls = [];
  return {
    calls,
    createNestablePublicClientApplication: async (config) => {
      calls.push(["create", config]);
      return {
        acquireTokenSilent: async (request) => {
          calls.push(["silent", request]);
          const next = silent.shift();
          if (next instanceof Error) throw next;
          return next;
        },
        acquireTokenPopup: async (request) => {
          calls.push(["popup", request]);
          return popup;
        },
      };
    },
  };
}

function storage() {
  const items = new Map();
  return {
    items,
    getItem: async (key) => (items.has(key) ? items.get(key) : null),
    setItem: async (key, value) => { items.set(key, value); },
    removeItem: async (key) => { items.delete(key); },
  };
}

async function start(routes, host) {
  const fetch = fakeFetch(routes);
  let signIn = null;
  const api = new KostraApi(BASE, fetch, () => signIn.token());
  signIn = await SignIn.start(api, { baseUrl: BASE, now: () => NOW, ...host });
  return { api, fetch, signIn };
}

test("an open service asks for no sign-in and gets no Authorization header", async () => {
  const { api, fetch, signIn } = await start({ "/api/addin/sign-in": [200, { required: false, oidc: null }],
    [PROFILE_URL]: [200, fixture("profile-KHT-3201-2024.json")] }, { Office: office({ nested: true }) });

  await api.profile("3201", "KHT", 2024);

  assert.equal(signIn.required, false);
  assert.deepEqual(fetch.authorizations, [undefined, undefined]);
});

test("under nested app authentication the access token is asked silently and sent, never the ID token", async () => {
  const msal = nestableMsal({ silent: [result()] });
  const kept = storage();
  const { api, fetch } = await start({ "/api/addin/sign-in": REQUIRED, [PROFILE_URL]: [200, fixture("profile-KHT-3201-2024.json")] },
    { Office: office({ nested: true }), msal, storage: kept });

  await api.profile("3201", "KHT", 2024);
  await api.profile("3201", "KHT", 2024);

  assert.deepEqual(msal.calls[0], ["create", { auth: { clientId: OIDC.clientId, authority: OIDC.authority } }]);
  assert.deepEqual(msal.calls.slice(1), [["silent", { scopes: OIDC.scopes }]], "one silent call; the token is kept");
  assert.deepEqual(fetch.authorizations, [undefined, `Bearer ${ACCESS_TOKEN}`, `Bearer ${ACCESS_TOKEN}`]);
  assert.ok(!fetch.authorizations.some((a) => a && a.includes(ID_TOKEN)));
  assert.deepEqual(JSON.parse(kept.items.get(TOKEN_KEY)), { accessToken: ACCESS_TOKEN, expiresOn: NOW + HOUR },
    "kept for the worksheet functions");
});

test("when the silent call fails the person must press «Logg inn», which opens Office's popup", async () => {
  const msal = nestableMsal({ silent: [new Error("interaction_required"), new Error("interaction_required")], popup: result() });
  const { signIn } = await start({ "/api/addin/sign-in": REQUIRED }, { Office: office({ nested: true }), msal });

  await assert.rejects(signIn.token(), SignInNeeded);
  assert.equal(await signIn.token({ interactive: true }), ACCESS_TOKEN);

  assert.deepEqual(msal.calls.map(([kind]) => kind), ["create", "silent", "silent", "popup"]);
  assert.equal(signIn.account, "kari.nordmann@baerum.kommune.no");
});

test("a token close to expiry is renewed before it is sent", async () => {
  const msal = nestableMsal({ silent: [result("first", 4 * 60 * 1000), result("second")] });
  const { signIn } = await start({ "/api/addin/sign-in": REQUIRED }, { Office: office({ nested: true }), msal });

  assert.equal(await signIn.token(), "first");
  assert.equal(await signIn.token(), "second");
});

test("without nested app authentication the pane signs in through Office's dialog on signin.html", async () => {
  const host = office({ nested: false });
  const kept = storage();
  const { signIn } = await start({ "/api/addin/sign-in": REQUIRED }, { Office: host, storage: kept });

  await assert.rejects(signIn.token(), SignInNeeded, "no dialog without the person asking");
  const token = signIn.token({ interactive: true });
  const [dialog] = host.dialogs;
  dialog.handlers.dialogMessageReceived({ message: JSON.stringify({ accessToken: ACCESS_TOKEN, expiresOn: NOW + HOUR,
    account: "kari.nordmann@baerum.kommune.no" }) });

  assert.equal(await token, ACCESS_TOKEN);
  assert.equal(dialog.url, `${BASE}/addin/taskpane/signin.html`);
  assert.equal(dialog.closed, true);
  assert.equal(JSON.parse(kept.items.get(TOKEN_KEY)).accessToken, ACCESS_TOKEN);
  assert.equal(await signIn.token(), ACCESS_TOKEN, "kept until it nears expiry");
});

test("a dialog closed before signing in, or one that failed, says so and keeps no token", async () => {
  const host = office({ nested: false });
  const kept = storage();
  const { signIn } = await start({ "/api/addin/sign-in": REQUIRED }, { Office: host, storage: kept });

  const closed = signIn.token({ interactive: true });
  host.dialogs[0].handlers.dialogEventReceived({ error: 12006 });
  await assert.rejects(closed, { name: "SignInNeeded", message: "Innloggingsvinduet ble lukket før du var logget inn." });
  const failed = signIn.token({ interactive: true });
  host.dialogs[1].handlers.dialogMessageReceived({ message: JSON.stringify({ error: "AADSTS50105: ikke tildelt appen" }) });
  await assert.rejects(failed, { message: "Innloggingen mislyktes: AADSTS50105: ikke tildelt appen" });

  assert.equal(kept.items.size, 0);
});

test("a service that requires sign-in but gives the pane no way to do it says what the operator must set", async () => {
  await assert.rejects(start({ "/api/addin/sign-in": [200, { required: true, oidc: null }] }, { Office: office({ nested: true }) }),
    { message: "KOSTRA-tjenesten krever innlogging, men er ikke satt opp for innlogging fra Excel. "
      + "Be den som drifter tjenesten om å starte den med --oidc-client-id." });
});

test("a refused token is a 401 that asks the person to sign in again, and forget() drops the kept token", async () => {
  const kept = storage();
  const msal = nestableMsal({ silent: [result()] });
  const { api, signIn } = await start({ "/api/addin/sign-in": REQUIRED, [PROFILE_URL]: [401, { error: "Tokenet er ukjent" }] },
    { Office: office({ nested: true }), msal, storage: kept });

  await assert.rejects(api.profile("3201", "KHT", 2024, "tjenesteprofilen for Kommunehelse, Bærum 2024"), (e) => e instanceof ApiError
    && e.status === 401 && e.message === "KOSTRA-tjenesten godtok ikke innloggingen da vi hentet tjenesteprofilen for "
      + "Kommunehelse, Bærum 2024. Logg inn på nytt.");
  await signIn.forget();

  assert.equal(kept.items.has(TOKEN_KEY), false);
});

const PERSONAL = `kostra_${"A".repeat(43)}`;
const TOKENS_ONLY = [200, { required: true, tokens: true, oidc: null }];
const REVISION = "/api/addin/revision";
/** The service under --auth tokens: the one token it knows, PERSONAL, is taken; any other is a 401. */
const byToken = (headers) => (headers.Authorization === `Bearer ${PERSONAL}` ? [200, { dataRevision: 7 }]
  : [401, { error: "Tokenet er ukjent, utløpt, trukket tilbake eller ikke for denne tjenesten" }]);

test("under --auth tokens a pasted personal token is checked with the service, kept, and sent on every call", async () => {
  const kept = storage();
  const { api, fetch, signIn } = await start({ "/api/addin/sign-in": TOKENS_ONLY, [REVISION]: byToken,
    [PROFILE_URL]: (headers) => (headers.Authorization === `Bearer ${PERSONAL}` ? [200, fixture("profile-KHT-3201-2024.json")]
      : [401, {}]) }, { Office: office({ nested: false }), storage: kept });

  await assert.rejects(signIn.token(), { name: "SignInNeeded",
    message: "Du må logge inn for å hente tall fra KOSTRA-tjenesten: lim inn ditt personlige API-token." });
  await signIn.usePersonalToken(`  ${PERSONAL}\n`);
  await api.profile("3201", "KHT", 2024, "tjenesteprofilen");

  assert.deepEqual(fetch.authorizations.slice(1), [`Bearer ${PERSONAL}`, `Bearer ${PERSONAL}`], "checked, then sent");
  assert.deepEqual(JSON.parse(kept.items.get(TOKEN_KEY)), { accessToken: PERSONAL, expiresOn: null, personal: true },
    "kept for the worksheet functions, without an expiry the pane cannot know");
  assert.equal(signIn.signedInAs, "Logget inn med personlig API-token (kostra_AAAAAA…).");
});

test("a personal token the service refuses is not kept, and the message says what to do", async () => {
  const kept = storage();
  const { signIn } = await start({ "/api/addin/sign-in": TOKENS_ONLY, [REVISION]: byToken }, { storage: kept });

  await assert.rejects(signIn.usePersonalToken(`kostra_${"B".repeat(43)}`), { message: "KOSTRA-tjenesten godtok ikke tokenet:"
    + " det er ukjent, utløpt eller trukket tilbake. Sjekk at du limte inn hele tokenet, eller be den som drifter tjenesten om et nytt." });
  await assert.rejects(signIn.usePersonalToken("eyJhbGciOi…"), { message: "Et personlig API-token begynner med «kostra_». "
    + "Lim inn hele tokenet slik «token create» skrev det ut." });

  assert.equal(kept.items.size, 0);
  await assert.rejects(signIn.token(), SignInNeeded);
});

test("a personal token pasted before is used at once, until «Logg ut» forgets it", async () => {
  const kept = storage();
  await kept.setItem(TOKEN_KEY, JSON.stringify({ accessToken: PERSONAL, expiresOn: null, personal: true }));
  const { signIn } = await start({ "/api/addin/sign-in": TOKENS_ONLY }, { storage: kept });

  assert.equal(await signIn.token(), PERSONAL);
  await signIn.forget();

  assert.equal(kept.items.has(TOKEN_KEY), false);
  await assert.rejects(signIn.token(), SignInNeeded);
});

test("the pane shows the token field under --auth tokens, both ways under tokens,oidc, and signs in with a pasted token", async () => {
  const { signIn } = await start({ "/api/addin/sign-in": [200, { required: true, tokens: true, oidc: OIDC }], [REVISION]: byToken },
    { Office: office({ nested: false }), storage: storage() });
  const doc = paneDocument();
  const said = [];

  const ready = signedIn(signIn, doc, (text, kind) => said.push([text, kind]));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual([doc.elements["sign-in-oidc"].hidden, doc.elements["sign-in-token"].hidden], [false, false]);
  doc.elements.token.value = "kostra_feil";
  await doc.elements["sign-in-token"].click();
  doc.elements.token.value = PERSONAL;
  await doc.elements["sign-in-token"].click();
  await ready;

  assert.equal(said[1][1], "error");
  assert.match(said[1][0], /^KOSTRA-tjenesten godtok ikke tokenet/);
  assert.equal(doc.elements.token.value, "", "the token is not left in the field");
  assert.equal(doc.elements["sign-in-section"].hidden, true);
  assert.equal(doc.elements["account-name"].textContent, "Logget inn med personlig API-token (kostra_AAAAAA…).");
});

/** The pane's elements signedIn() touches. */
function paneDocument() {
  const elements = {};
  for (const id of ["sign-in-section", "sign-in-oidc", "sign-in-token", "account", "account-name", "sign-in", "token", "use-token"]) {
    const listeners = [];
    elements[id] = {
      hidden: true, textContent: "", value: "", disabled: false, listeners,
      addEventListener: (type, fn) => listeners.push(fn),
      removeEventListener: (type, fn) => listeners.splice(listeners.indexOf(fn), 1),
      click: () => Promise.all(listeners.map((fn) => fn({ preventDefault() {} }))),
    };
  }
  return { elements, getElementById: (id) => elements[id] };
}

test("the pane shows «Logg inn» until a sign-in works, then who is signed in", async () => {
  const host = office({ nested: false });
  const { signIn } = await start({ "/api/addin/sign-in": REQUIRED }, { Office: host });
  const doc = paneDocument();
  const said = [];

  const ready = signedIn(signIn, doc, (text, kind) => said.push([text, kind]));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(doc.elements["sign-in-section"].hidden, false);
  assert.equal(doc.elements["sign-in-oidc"].hidden, false);
  assert.equal(doc.elements["sign-in-token"].hidden, true, "a service without --auth tokens takes no pasted token");
  const clicked = doc.elements["sign-in"].click();
  host.dialogs[0].handlers.dialogMessageReceived({ message: JSON.stringify({ accessToken: ACCESS_TOKEN, expiresOn: NOW + HOUR,
    account: "kari.nordmann@baerum.kommune.no" }) });
  await clicked;
  await ready;

  assert.equal(doc.elements["sign-in-section"].hidden, true);
  assert.equal(doc.elements.account.hidden, false);
  assert.equal(doc.elements["account-name"].textContent, "Logget inn som kari.nordmann@baerum.kommune.no.");
  assert.deepEqual(said, [["Du må logge inn for å hente tall fra KOSTRA-tjenesten.", undefined]]);
});

test("the sign-in dialog redirects to the authority first, then hands back the access token, not the ID token", async () => {
  const made = [];
  let answer = null;
  const msal = {
    PublicClientApplication: class {
      constructor(config) { made.push(["config", config]); }
      async initialize() {}
      async handleRedirectPromise() { return answer; }
      async acquireTokenRedirect(request) { made.push(["redirect", request]); }
    },
  };
  const location = { origin: BASE, pathname: "/addin/taskpane/signin.html" };

  assert.equal(await signInHere({ msal, settings: { ...OIDC, protocolMode: "OIDC", knownAuthorities: ["login.kostra.test"] }, location }), null);
  answer = result();
  const handedBack = await signInHere({ msal, settings: OIDC, location });

  assert.deepEqual(made[0], ["config", {
    auth: { clientId: OIDC.clientId, authority: OIDC.authority, knownAuthorities: ["login.kostra.test"],
      redirectUri: `${BASE}/addin/taskpane/signin.html` },
    cache: { cacheLocation: "sessionStorage" },
    system: { protocolMode: "OIDC" },
  }]);
  assert.deepEqual(made[1], ["redirect", { scopes: OIDC.scopes }]);
  assert.deepEqual(handedBack, { accessToken: ACCESS_TOKEN, expiresOn: NOW + HOUR, account: "kari.nordmann@baerum.kommune.no" });
});
