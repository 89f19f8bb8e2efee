import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/** Links between views of one list, the current one marked for assistive technology. */
export function Tabs({
  label,
  tabs,
}: {
  label: string
  tabs: ReadonlyArray<{ key: string; to: string; current: boolean; children: ReactNode }>
}) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link to={tab.to} aria-current={tab.current ? 'page' : undefined}>
              {tab.children}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
