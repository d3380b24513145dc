// The dashboard's only way to the server: JSON over fetch, with the API token when one is set.

const TOKEN_KEY = "sitrep-token";

export class AuthRequired extends Error {}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function apiURL(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  return url;
}

function authHeaders(accept) {
  const headers = { Accept: accept };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = "Bearer " + token;
  return headers;
}

// A file download that carries the token too (a plain link could not): fetched, then saved from a blob.
export async function downloadFile(path, params, filename) {
  const url = apiURL(path, params);
  const response = await fetch(url, { headers: authHeaders("*/*") });
  if (response.status === 401) throw new AuthRequired("token required");
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export async function getJSON(path, params = {}) {
  const url = apiURL(path, params);
  const response = await fetch(url, { headers: authHeaders("application/json") });
  if (response.status === 401) throw new AuthRequired("token required");
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (_) { /* not JSON */ }
    throw new Error(`${url.pathname}: ${response.status} ${detail}`);
  }
  return response.json();
}
