// Command gencorpus writes a synthetic corpus of annual reports with
// injected defects (see package corpusgen) to a folder:
//
//	go run ./internal/corpusgen/gencorpus -o /tmp/nianbao-corpus -n 1000 -seed 1
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/xxgk/nianbao/internal/corpusgen"
)

func main() {
	out := flag.String("o", "", "output folder (required)")
	n := flag.Int("n", 1000, "number of reports")
	seed := flag.Uint64("seed", 1, "random seed")
	rate := flag.Float64("defects", 0.4, "share of reports with an injected defect (negative: none)")
	layouts := flag.String("layouts", strings.Join(corpusgen.AllLayouts, ","), "layouts to use")
	unruled := flag.Float64("unruled", 0, "share of PDF reports printed without table rules")
	dashpdf := flag.Bool("dashpdf", false, "let PDF reports print zeros as dashes too")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	ms, err := corpusgen.Write(*out, corpusgen.Options{Seed: *seed, Reports: *n, DefectRate: *rate, Layouts: strings.Split(*layouts, ","), UnruledPDF: *unruled, DashPDF: *dashpdf})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	clean := 0
	for _, m := range ms {
		if m.Clean {
			clean++
		}
	}
	fmt.Printf("%d reports (%d clean, %d with a defect) in %s\n", len(ms), clean, len(ms)-clean, *out)
}
