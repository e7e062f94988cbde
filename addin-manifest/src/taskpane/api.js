// Calls to the Kostra service. Every failure becomes an ApiError whose message a finance analyst understands
// (bokmål, names what was asked); the pane shows it as it is.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export class KostraApi {
  /**
   * @param {string} baseUrl the service's address ("" for the page's own origin)
   * @param {typeof fetch} fetchImpl injected in tests
   * @param {() => Promise<string|null>} accessToken the access token to send, or null when the service is open
   */
  constructor(baseUrl = "", fetchImpl = globalThis.fetch.bind(globalThis), accessToken = async () => null) {
    this.baseUrl = baseUrl.replace(/\/$/, "");
    this.fetch = fetchImpl;
    this.accessToken = accessToken;
  }

  /** Whether the service needs sign-in, and the MSAL settings for it; asked before there is any token. */
  signInSettings() {
    return this.get("/api/addin/sign-in", {}, "innloggingsoppsettet", { anonymous: true });
  }

  regions() {
    return this.get("/api/regions", {}, "listen over kommuner");
  }

  areas() {
    return this.get("/api/areas", {}, "listen over tjenesteområder");
  }

  /** The years with the municipality's figures in the profile, and those the profile can be shown for. */
  years(region, area, what) {
    return this.get("/api/years", { region, area }, what);
  }

  /** The area's (or profile's) indicators; a profile's rows as that year's layout has them. */
  indicators(area, year) {
    return this.get("/api/indicators", { area, year }, "indikatorene");
  }

  health() {
    return this.get("/api/health", {}, "tjenestens status");
  }

  /** The report templates: id, title, the area (code) each is for, and the profiles it shows. */
  reports() {
    return this.get("/api/reports", {}, "listen over rapportarbeidsbøker");
  }

  /**
   * A filled report workbook as base64, as Excel.createWorkbook takes it; refreshable: its tables backed by Power
   * Query queries of the service.
   */
  async reportWorkbook(templateId, region, year, refreshable, what) {
    const params = refreshable ? { region, year, refreshable: true } : { region, year };
    const response = await this.send(`/api/reports/${encodeURIComponent(templateId)}.xlsx`, params, what, XLSX);
    let bytes;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      throw unreachable(what); // the connection broke while the workbook came
    }
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) { // "PK": every xlsx is a zip
      throw new ApiError(`KOSTRA-tjenesten svarte med noe annet enn en arbeidsbok da vi hentet ${what}.`, response.status);
    }
    return base64(bytes);
  }

  // `what` names what is asked for in a failure's message, as a person would («tjenesteprofilen for Kommunehelse,
  // Bærum 2024»): the caller knows the names, the codes mean nothing to the reader.

  profile(region, area, year, what) {
    return this.get("/api/profile", { region, area, year }, what);
  }

  series(indicator, regions, from, to, adjust, what) {
    return this.get("/api/series", { indicator, regions: regions.join(","), from, to, adjust }, what);
  }

  efficiency(region, area, from, to, what) {
    return this.get("/api/efficiency", { region, area, from, to }, what);
  }

  /** Resolves when the service takes the personal token; a 401 is an ApiError with status 401. */
  verifyToken(token) {
    return this.get("/api/addin/revision", {}, "tjenestens datarevisjon", { token });
  }

  /** @param options anonymous: send no token (asked before there is one); token: send this one */
  async get(path, params, what, options = {}) {
    const response = await this.send(path, params, what, "application/json", options);
    const body = await jsonOrNull(response);
    if (body === null) {
      throw new ApiError(`KOSTRA-tjenesten svarte med noe annet enn JSON da vi hentet ${what}.`, response.status);
    }
    return body;
  }

  /**
   * The request every call makes: the signed-in person's token as a header (never in the address, where logs and
   * proxies keep it), and every failure as an ApiError naming `what`. Resolves with the response once it is a 2xx.
   */
  async send(path, params, what, accept, { anonymous = false, token: given = null } = {}) {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    const url = `${this.baseUrl}${path}${query ? "?" + query : ""}`;
    const headers = { Accept: accept };
    const token = given || (anonymous ? null : await this.accessToken());
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await this.fetch(url, { headers });
    } catch (e) {
      throw unreachable(what);
    }
    if (response.status === 401) {
      throw new ApiError(`KOSTRA-tjenesten godtok ikke innloggingen da vi hentet ${what}. Logg inn på nytt.`, 401);
    }
    if (!response.ok) {
      const body = await jsonOrNull(response);
      const reason = body && typeof body.error === "string" ? body.error : `HTTP-status ${response.status}`;
      throw new ApiError(response.status >= 500 ? `Feil i KOSTRA-tjenesten da vi hentet ${what}: ${reason}`
        : `Kunne ikke hente ${what}: ${reason}`, response.status);
    }
    return response;
  }
}

function unreachable(what) {
  return new ApiError(`Fikk ikke kontakt med KOSTRA-tjenesten for å hente ${what}. `
    + "Sjekk nettverket, eller om tjenesten kjører.", 0);
}

async function jsonOrNull(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

/** Bytes as base64, in slices: String.fromCharCode takes only so many arguments at once. */
export function base64(bytes) {
  const slice = 0x8000;
  let text = "";
  for (let i = 0; i < bytes.length; i += slice) text += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(text);
}
