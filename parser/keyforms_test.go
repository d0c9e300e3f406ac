package parser

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/tables"
)

// keyFormSamples returns texts to check the rune-by-rune forms on: every
// block and cell of the sample reports and random strings over runes that
// fold (Traditional, fullwidth, radicals, enclosed forms, spaces, quotes,
// invalid bytes).
func keyFormSamples(t *testing.T) []string {
	var out []string
	dir := filepath.Join(testutil.Root(), "testdata", "samples")
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ParseDocument(t.Context(), b, Options{Name: e.Name()})
		if err != nil {
			continue
		}
		for _, blk := range doc.Blocks {
			out = append(out, blk.Text)
			if blk.Grid != nil {
				for _, row := range blk.Grid.Rows {
					for _, c := range row {
						out = append(out, c.Text)
					}
				}
			}
		}
	}
	alphabet := []rune("發佈時間日期⽇⼀㈠①２０，。、：:；“”‘’〔〕【】［］（）()．. \t\n\u3000\u00a0\u200b\ufeff它動況並於间期接号函辦國办公开收到申请件𠀀")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.Intn(30); k >= 0; k-- {
			if rng.Intn(40) == 0 {
				b.WriteByte(byte(0x80 + rng.Intn(0x80))) // a stray byte
				continue
			}
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestKeyFormsMatchTables checks the premise of the per-rune cache: on
// valid UTF-8 the key form built rune by rune is tables.LabelKey of the
// whole text, the masks cover every metaRune of tables.FoldText (of the
// head of the text too), and the offsets are increasing rune starts.
func TestKeyFormsMatchTables(t *testing.T) {
	for _, s := range keyFormSamples(t) {
		runes, offs, mask, valid := appendKey(nil, nil, s, true, true)
		if valid != utf8.ValidString(s) {
			t.Fatalf("%q: valid = %v", s, valid)
		}
		if !valid {
			if mask != 0xFF {
				t.Fatalf("%q: invalid text with mask %x", s, mask)
			}
		} else if got, want := string(runes), tables.LabelKey(s); got != want {
			t.Fatalf("%q: key %q, tables.LabelKey %q", s, got, want)
		}
		for _, f := range []string{tables.FoldText(s), headFold(s)} {
			for _, r := range f {
				if b := metaRune(r); b != 0 && mask&b == 0 {
					t.Fatalf("%q: fold %q has %q but the mask %x lacks it", s, f, r, mask)
				}
			}
		}
		for i, o := range offs {
			if int(o) >= len(s) || i > 0 && o < offs[i-1] {
				t.Fatalf("%q: offset %d = %d", s, i, o)
			}
		}
		if _, _, m2, _ := appendKey(nil, nil, s, false, false); m2 != mask {
			t.Fatalf("%q: mask without keys %x, with keys %x", s, m2, mask)
		}
	}
}
