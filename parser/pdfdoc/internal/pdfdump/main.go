// Command pdfdump prints the Document the PDF front end reads from each
// file named on the command line (for debugging and speed comparisons).
package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/xxgk/nianbao/parser/pdfdoc"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	code := 0
	for _, path := range os.Args[1:] {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
			continue
		}
		doc, err := pdfdoc.Parse(context.Background(), b, pdfdoc.Options{})
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			code = 1
			continue
		}
		out.WriteString(doc.Dump())
	}
	out.Flush()
	os.Exit(code)
}
