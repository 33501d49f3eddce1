/**
 * Index files by key, each loaded once: a promise for whoever waits for it, and the file itself
 * once it is here, for answers given in the same task as a key press. A file that failed to load
 * is forgotten, so the next search asks for it again.
 */
export class FileCache<K, T> {
  private readonly loading = new Map<K, Promise<T>>()
  private readonly here = new Map<K, T>()

  constructor(private readonly load: (key: K) => Promise<T>) {}

  /** The file, loading it if it is not here or on its way. */
  get(key: K): Promise<T> {
    let p = this.loading.get(key)
    if (!p) {
      p = this.load(key)
      p.then(
        (file) => this.here.set(key, file),
        () => this.loading.delete(key),
      )
      this.loading.set(key, p)
    }
    return p
  }

  /** The file if it is here already. */
  now(key: K): T | undefined {
    return this.here.get(key)
  }

  /** True when every one of the files is here. */
  allHere(keys: Iterable<K>): boolean {
    for (const k of keys) if (!this.here.has(k)) return false
    return true
  }

  /** Loads every one of the files. */
  async getAll(keys: Iterable<K>): Promise<void> {
    await Promise.all([...keys].map((k) => this.get(k)))
  }
}
