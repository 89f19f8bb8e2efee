import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

// Compress build assets once at build time, so the server never gzips per request.
const root = path.resolve('public/build')
let files = 0
let before = 0
let after = 0

function walk(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(file)
    else if (/\.(js|css|svg|json|map)$/.test(entry.name)) {
      const data = fs.readFileSync(file)
      const br = zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
      })
      const gz = zlib.gzipSync(data, { level: 9 })
      fs.writeFileSync(`${file}.br`, br)
      fs.writeFileSync(`${file}.gz`, gz)
      files++
      before += data.length
      after += br.length
    }
  }
}

if (fs.existsSync(root)) walk(root)
console.log(
  `Compressed ${files} assets: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB brotli`,
)
