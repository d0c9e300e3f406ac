package parser_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/parser"
)

// TestLargeInputsStayLinear: a page with thousands of small tables and a
// multi-megabyte text parse in time proportional to their size.
func TestLargeInputsStayLinear(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div><p>一、总体情况</p><table><tr><td>行政许可</td><td>1</td></tr></table></div>", 8000) + "</body></html>"
	text := strings.Repeat("伯党乡人民政府2021年政府信息公开工作年度报告\n规章\t0\t0\t0\n本年度共收到申请12件，予以公开10件。\n", 40000)
	for _, tc := range []struct {
		name string
		in   string
	}{{"tables.html", page}, {"long.txt", text}} {
		st := time.Now()
		if _, err := parser.ParseBytes(context.Background(), []byte(tc.in), parser.Options{Name: tc.name}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if el := time.Since(st); el > 10*time.Second {
			t.Errorf("%s (%d bytes) took %v", tc.name, len(tc.in), el)
		}
	}
}
