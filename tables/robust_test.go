package tables

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/model"
)

// TestExtractBoundedOnMutations: mangled reports (digits inserted, cells
// run together, labels repeated) never make Extract slow: every call stays
// well under a second, however the digit runs must be split.
func TestExtractBoundedOnMutations(t *testing.T) {
	b, _ := os.ReadFile("../testdata/seed_boudang_2021.txt")
	base := []string{string(b), newT3Fixture().runTogether()}
	rng := rand.New(rand.NewSource(1))
	worst := time.Duration(0)
	n := 600
	if testing.Short() {
		n = 100
	}
	for i := 0; i < n; i++ {
		s := []byte(base[i%2])
		for m := 0; m < 1+rng.Intn(30); m++ {
			p := rng.Intn(len(s))
			switch rng.Intn(4) {
			case 0:
				s[p] = "0123456789\t "[rng.Intn(12)]
			case 1:
				q := p + rng.Intn(200)
				if q > len(s) {
					q = len(s)
				}
				s = append(s[:p], s[q:]...)
			case 2:
				ins := strings.Repeat(string("0123456789"[rng.Intn(10)]), rng.Intn(40))
				s = append(s[:p], append([]byte(ins), s[p:]...)...)
			case 3:
				q := rng.Intn(len(s))
				s = append(s[:p], append(append([]byte{}, s[q:min(q+300, len(s))]...), s[p:]...)...)
			}
		}
		st := time.Now()
		Extract(docFromText(string(s)), model.FormatUnknown)
		if d := time.Since(st); d > worst {
			worst = d
			if d > time.Second {
				t.Errorf("Extract took %v on a mutated input of %d bytes", d, len(s))
			}
		}
	}
	t.Log("worst", worst)
}

// TestExtractLongLineLinear: a crawler page can be one line of hundreds of
// kilobytes; splitting it into runs must stay linear (it once located
// every token by walking the line from its start).
func TestExtractLongLineLinear(t *testing.T) {
	one := newT3Fixture().runTogether()
	line := strings.Repeat("2021年，本镇主动公开信息197条，办理答复"+one, 60)
	st := time.Now()
	ex := Extract(docFromText(line), model.FormatUnknown)
	if d := time.Since(st); d > 2*time.Second {
		t.Errorf("Extract took %v on a %d-byte line", d, len(line))
	}
	if ex.Requests == nil || ex.Requests.NewReceived.Total.Num.Unscaled != newT3Fixture().get("new_received")[6] {
		t.Errorf("table 3 not read from the long line")
	}
}

// TestAddGridNumbering: grids are numbered in order without rescanning the
// document (a page can hold tens of thousands of small tables).
func TestAddGridNumbering(t *testing.T) {
	d := &Document{}
	st := time.Now()
	for i := 0; i < 50000; i++ {
		d.AddParagraph("x", model.Loc{})
		d.AddGrid(&Grid{Rows: [][]GridCell{{{Text: "1"}}}})
	}
	if d.Tables() != 50000 || d.Blocks[len(d.Blocks)-1].Grid.Rows[0][0].Src.Table != 50000 {
		t.Errorf("numbering: %d grids, last cell in table %d", d.Tables(), d.Blocks[len(d.Blocks)-1].Grid.Rows[0][0].Src.Table)
	}
	if el := time.Since(st); el > 2*time.Second {
		t.Errorf("50,000 grids took %v", el)
	}
}
