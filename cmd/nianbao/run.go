package main

import (
	"context"
	"fmt"
	"io"
)

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: nianbao parse|cells|check|audit FILE…")
		return 2
	}
	switch args[0] {
	case "audit":
		return runAudit(ctx, args[1:], stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "nianbao: unknown command %q\n", args[0])
	return 2
}
