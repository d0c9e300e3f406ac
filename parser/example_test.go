package parser_test

import (
	"context"
	"fmt"
	"os"

	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/parser"
)

// Parse a report, run the rules, and read typed and flat values.
func ExampleParse() {
	f, err := os.Open("../testdata/samples/c00g00_2024_balance_broken.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rep, err := parser.Parse(context.Background(), f, parser.Options{Name: "balance_broken.html"})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep.Findings = check.Run(rep, check.DefaultOptions())
	fmt.Println(rep.Input, rep.Meta.Body, rep.Meta.Year, rep.Format)
	fmt.Println("new requests:", rep.Requests.NewReceived.Total.Num)
	values, uncertain := rep.FlatMap()
	fmt.Println("t3.results_total.total =", values["t3.results_total.total"], "uncertain:", len(uncertain))
	for _, f := range rep.Findings {
		fmt.Println(f)
	}
	// Output:
	// html 长原县人民政府 2024 2021
	// new requests: 11
	// t3.results_total.total = 10 uncertain: 0
	// error T3-BALANCE fail [legal_service]: [legal_service] new + carried over (1) ≠ results total + carried forward (0)
	// error T3-BALANCE fail [total]: [total] new + carried over (11) ≠ results total + carried forward (10)
	// warning X-RECEIVED fail [total]: the prose says "收到政府信息公开申请10件" (10) but table 3 counts 11 new requests, or 11 with those carried over
}

// Unusable input is an *InputError wrapping a sentinel error.
func ExampleParseBytes_errors() {
	_, err := parser.ParseBytes(context.Background(), []byte("   \n"), parser.Options{Name: "blank.txt"})
	fmt.Println(err)
	// Output:
	// blank.txt: empty input
}
