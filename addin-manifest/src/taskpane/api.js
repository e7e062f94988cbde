// Calls to the Kostra service. Every failure becomes an ApiError whose message a finance analyst understands
// (bokmål, names what was asked); the pane shows it as it is.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

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
  async get(path, params, what, { anonymous = false, token: given = null } = {}) {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    const url = `${this.baseUrl}${path}${query ? "?" + query : ""}`;
    const headers = { Accept: "application/json" };
    const token = given || (anonymous ? null : await this.accessToken());
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await this.fetch(url, { headers });
    } catch (e) {
      throw new ApiError(`Fikk ikke kontakt med KOSTRA-tjenesten for å hente ${what}. `
        + "Sjekk nettverket, eller om tjenesten kjører.", 0);
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (response.status === 401) {
      throw new ApiError(`KOSTRA-tjenesten godtok ikke innloggingen da vi hentet ${what}. Logg inn på nytt.`, 401);
    }
    if (!response.ok) {
      const reason = body && typeof body.error === "string" ? body.error : `HTTP-status ${response.status}`;
      throw new ApiError(response.status >= 500 ? `Feil i KOSTRA-tjenesten da vi hentet ${what}: ${reason}`
        : `Kunne ikke hente ${what}: ${reason}`, response.status);
    }
    if (body === null) {
      throw new ApiError(`KOSTRA-tjenesten svarte med noe annet enn JSON da vi hentet ${what}.`, response.status);
    }
    return body;
  }
}
