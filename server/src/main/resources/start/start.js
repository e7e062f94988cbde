// The start page: asks the service what it holds and fills the page in. Data reaches the page as text only
// (textContent), never as markup; the page's policy forbids inline script.

const $ = (id) => document.getElementById(id);

class SignInRequired extends Error {}

async function get(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (response.status === 401) throw new SignInRequired();
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP-status ${response.status}`);
  return body;
}

function element(tag, text, attributes = {}) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}

/** «2014–2017 og 2021–2024», as the service words year lists (a run of three or more years is a span). */
export function yearList(years) {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else parts.push(...sorted.slice(i, j + 1).map(String));
    i = j + 1;
  }
  if (parts.length <= 1) return parts.join("") || "ingen år";
  return `${parts.slice(0, -1).join(", ")} og ${parts[parts.length - 1]}`;
}

/** «Kommunehelse (17 rader)»; «Pleie og omsorg: alle aldersgrupper (6 rader), innbyggere 0–66 år (5 rader), …». */
function areaLine(area) {
  const rows = (n) => `${n} ${n === 1 ? "rad" : "rader"}`;
  if (area.profiles.length === 1 && area.profiles[0].title === area.title) return `${area.title} (${rows(area.profiles[0].rows)})`;
  const own = (title) => (title.startsWith(`${area.title} – `) ? title.slice(area.title.length + 3) : title);
  return `${area.title}: ${area.profiles.map((p) => `${own(p.title)} (${rows(p.rows)})`).join(", ")}`;
}

async function holdings() {
  const [{ dataRevision }, { years }, { areas }, { regions }] = await Promise.all([get("/api/health"), get("/api/years"),
    get("/api/areas"), get("/api/regions")]);
  const municipalities = regions.filter((r) => r.kind === "municipality").length;
  $("summary").textContent = `${municipalities} kommuner, tall for ${yearList(years.withFigures)}. Datarevisjon ${dataRevision}`
    + " (øker med hver import, så du kan se om tallene er endret).";
  $("areas").replaceChildren(...areas.map((a) => element("li", areaLine(a))));
  return regions.filter((r) => r.kind === "municipality");
}

const CHOSEN = "kostra.start.region";
const LOOKED_AT = 20;

/** The municipality to propose: the one chosen here last time, else the first by name that has figures. */
async function proposed(municipalities) {
  const remembered = localStorage.getItem(CHOSEN);
  if (municipalities.some((r) => r.code === remembered)) return remembered;
  for (const r of municipalities.slice(0, LOOKED_AT)) {
    const { years } = await get(`/api/years?region=${encodeURIComponent(r.code)}`);
    if (years.withFigures.length > 0) return r.code;
  }
  return municipalities.length > 0 ? municipalities[0].code : "";
}

async function reports(found) {
  const { reports: list } = await get("/api/reports");
  const municipalities = [...found].sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const region = $("report-region");
  const year = $("report-year");
  region.replaceChildren(...municipalities.map((r) => element("option", `${r.name} (${r.code})`, { value: r.code })));
  region.value = await proposed(municipalities);
  const links = () => $("reports").replaceChildren(...list.map((report) => {
    const href = report.download.replace("{region}", encodeURIComponent(region.value)).replace("{year}", year.value);
    const item = element("li");
    item.append(element("a", `${report.title} (xlsx)`, { href }));
    return item;
  }));
  const years = async () => {
    const { years: found } = await get(`/api/years?region=${encodeURIComponent(region.value)}`);
    year.replaceChildren(...[...found.withFigures].reverse().map((y) => element("option", String(y), { value: String(y) })));
    links();
  };
  region.addEventListener("change", () => {
    localStorage.setItem(CHOSEN, region.value);
    years();
  });
  year.addEventListener("change", links);
  await years();
}

async function routes() {
  const { routes: list } = await get("/api");
  $("routes").replaceChildren(...list.map((r) => {
    const row = element("tr");
    row.append(element("td", r.method), element("td", r.path), element("td", r.description || ""),
      element("td", r.role || "åpen"));
    return row;
  }));
}

async function start() {
  $("manifest").textContent = `Last ned manifestet (${location.origin}/addin/manifest.xml)`;
  routes().catch((e) => { $("routes").replaceChildren(element("tr", e.message)); });
  try {
    await reports(await holdings());
  } catch (e) {
    const text = e instanceof SignInRequired
      ? "Tjenesten krever innlogging, så innholdet vises ikke her. Tallene hentes i Excel-tillegget, eller med et personlig"
        + " API-token (Authorization: Bearer …) fra den som drifter tjenesten."
      : `Kunne ikke hente innholdet: ${e.message}`;
    $("summary").textContent = text;
    $("summary").className = e instanceof SignInRequired ? "hint" : "error";
  }
}

if (typeof document !== "undefined") start();
