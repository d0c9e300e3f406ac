package pdfdoc

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/xxgk/nianbao/parser/pdfdoc/cmap"
)

// Cross-reference repair. The library cannot rebuild a damaged xref (a
// wrong startxref, a truncated tail), so the bytes are repaired instead:
// every "N G obj" header is located, and a fresh xref table, trailer and
// startxref are appended. Objects stored inside object streams are not
// recovered this way.

var (
	objHeaderRe = regexp.MustCompile(`(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)
	rootRe      = regexp.MustCompile(`/Root[ \t\r\n]*(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+R`)
	encryptRe   = regexp.MustCompile(`/Encrypt[ \t\r\n]*(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+R`)
	idRe        = regexp.MustCompile(`/ID[ \t\r\n]*\[[^\]]{0,200}\]`)
	catalogRe   = regexp.MustCompile(`/Type[ \t\r\n]*/Catalog\b`)
)

// maxRepairObjects bounds the rebuilt table.
const maxRepairObjects = 1 << 20

// repairXref returns b with a rebuilt cross-reference table appended, or
// nil when no object or no catalog can be found.
func repairXref(b []byte) []byte {
	type ent struct {
		off int
		gen int
	}
	objs := map[int]ent{}
	maxNum := 0
	catalog := ""
	for _, m := range objHeaderRe.FindAllSubmatchIndex(b, -1) {
		// the header must start a line or follow a delimiter
		if s := m[0]; s > 0 && !cmap.IsSpace(b[s-1]) && !cmap.IsDelim(b[s-1]) {
			continue
		}
		num, err1 := strconv.Atoi(string(b[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(b[m[4]:m[5]]))
		if err1 != nil || err2 != nil || num <= 0 || num >= maxRepairObjects {
			continue
		}
		objs[num] = ent{m[0], gen}
		maxNum = max(maxNum, num)
		// remember a catalog for a missing trailer
		end := min(len(b), m[1]+400)
		if catalogRe.Match(b[m[1]:end]) {
			if e := bytes.Index(b[m[1]:end], []byte("endobj")); e < 0 || catalogRe.Match(b[m[1]:m[1]+e]) {
				catalog = fmt.Sprintf("%d %d R", num, gen)
			}
		}
	}
	if len(objs) == 0 {
		return nil
	}
	root := ""
	if ms := rootRe.FindAllSubmatch(b, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		root = fmt.Sprintf("%s %s R", m[1], m[2])
	} else if catalog != "" {
		root = catalog
	}
	if root == "" {
		return nil
	}
	var out bytes.Buffer
	out.Grow(len(b) + 20*(maxNum+1) + 200)
	out.Write(b)
	out.WriteString("\n")
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n", maxNum+1)
	out.WriteString("0000000000 65535 f \n")
	for i := 1; i <= maxNum; i++ {
		if e, ok := objs[i]; ok {
			fmt.Fprintf(&out, "%010d %05d n \n", e.off, e.gen)
		} else {
			out.WriteString("0000000000 00000 f \n")
		}
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %s", maxNum+1, root)
	if ms := encryptRe.FindAllSubmatch(b, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		fmt.Fprintf(&out, " /Encrypt %s %s R", m[1], m[2])
	}
	if ms := idRe.FindAll(b, -1); len(ms) > 0 {
		out.WriteString(" ")
		out.Write(ms[len(ms)-1])
	}
	fmt.Fprintf(&out, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes()
}
