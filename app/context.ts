import { createContext, useContext } from 'react'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request CSP nonce for inline scripts. */
    nonce: string
    /** The client's address as the server sees it (honours TRUST_PROXY). */
    ip: string
    /** The address as rate limits count it (IPv6 grouped by /64). */
    rateKey: string
    requestId: string
  }
}

export const NonceContext = createContext<string | undefined>(undefined)
export const useNonce = () => useContext(NonceContext)
