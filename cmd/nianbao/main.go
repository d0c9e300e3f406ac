// Command nianbao parses and audits government information-disclosure
// annual reports (政府信息公开工作年度报告).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// SIGTERM too: a scheduler stopping a batch gets the same clean
	// "interrupted, use --resume" path as Ctrl-C.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
