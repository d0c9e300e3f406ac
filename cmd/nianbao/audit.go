package main

import (
	"context"
	"fmt"
	"io"
)

// runAudit implements `nianbao audit`.
func runAudit(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "nianbao audit: not implemented yet")
	return 2
}
