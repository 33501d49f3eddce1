/** Runs a command-line program: prints a failure with its cause and exits non-zero. */
export const runCli = (main: () => Promise<void>): void =>
  void main().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(`\n${error.message}`)
      if (error.cause) console.error(`Cause: ${(error.cause as Error).message ?? String(error.cause)}`)
      process.exit(1)
    },
  )
