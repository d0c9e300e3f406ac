package model

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Loc says where a piece of text came from in the source document. Every
// field is 1-based; a zero field is unknown or does not apply to the format.
type Loc struct {
	Page   int     `json:"page,omitempty"`   // PDF page
	Line   int     `json:"line,omitempty"`   // line of the decoded text (text input)
	Table  int     `json:"table,omitempty"`  // n-th table grid of the document
	Row    int     `json:"row,omitempty"`    // row within that grid
	Col    int     `json:"col,omitempty"`    // column within that grid
	Offset int     `json:"offset,omitempty"` // byte offset+1 in the decoded source
	X      float64 `json:"x,omitempty"`      // PDF user-space position of the text
	Y      float64 `json:"y,omitempty"`
}

// IsZero reports whether nothing is known about the location.
func (l Loc) IsZero() bool { return l == Loc{} }

// String renders the location compactly, e.g. "p.3 line 45 table 2 r5c3".
func (l Loc) String() string {
	var parts []string
	if l.Page > 0 {
		parts = append(parts, fmt.Sprintf("p.%d", l.Page))
	}
	if l.Line > 0 {
		parts = append(parts, fmt.Sprintf("line %d", l.Line))
	}
	if l.Table > 0 {
		parts = append(parts, fmt.Sprintf("table %d", l.Table))
	}
	if l.Row > 0 || l.Col > 0 {
		parts = append(parts, fmt.Sprintf("r%dc%d", l.Row, l.Col))
	}
	if len(parts) == 0 {
		return "?"
	}
	return strings.Join(parts, " ")
}

// CellKind classifies the text printed in a table cell.
type CellKind uint8

// The cell kinds of domain.md §6.
const (
	CellAbsent CellKind = iota // not found in the report (row or table missing)
	CellBlank                  // printed empty
	CellDash                   // —, –, -, －, /, ／
	CellNone                   // 无 (a word meaning none)
	CellNumber                 // a number (零 and 〇 are the number 0)
	CellText                   // any other text: 详见附表, 略, …
)

var cellKindNames = [...]string{"absent", "blank", "dash", "none", "number", "text"}

// String returns the lower-case name used in JSON.
func (k CellKind) String() string {
	if int(k) < len(cellKindNames) {
		return cellKindNames[k]
	}
	return fmt.Sprintf("CellKind(%d)", k)
}

// MarshalText encodes the kind by name.
func (k CellKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind name.
func (k *CellKind) UnmarshalText(b []byte) error {
	for i, n := range cellKindNames {
		if n == string(b) {
			*k = CellKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown cell kind %q", b)
}

// CellFlags record what the parser had to do to place a cell.
type CellFlags uint16

// Cell flags.
const (
	// FlagRepaired: the cell came from a ragged or shifted row whose column
	// assignment was recovered from the table's identities (unique result).
	FlagRepaired CellFlags = 1 << iota
	// FlagUncertain: the parser could not place the value with certainty.
	// An uncertain cell's Num must not be trusted; rules treat it as unknown.
	FlagUncertain
	// FlagSplitDigits: the value was cut out of a run of digits printed with
	// no separator (801000081 → 80|1|0|0|0|0|81).
	FlagSplitDigits
	// FlagInferred: the cell was missing from the printed row and its value was
	// derived from the table's identities (only set with FlagRepaired).
	FlagInferred
)

var flagNames = []struct {
	f CellFlags
	n string
}{{FlagRepaired, "repaired"}, {FlagUncertain, "uncertain"}, {FlagSplitDigits, "split_digits"}, {FlagInferred, "inferred"}}

// Names lists the set flags by name.
func (f CellFlags) Names() []string {
	var out []string
	for _, x := range flagNames {
		if f&x.f != 0 {
			out = append(out, x.n)
		}
	}
	return out
}

// Cell is one value of a statistical table.
type Cell struct {
	Kind  CellKind  // what was printed
	Raw   string    // the text as printed (after charset decoding)
	Num   Decimal   // the exact value when Kind == CellNumber
	Unit  string    // unit printed with the number: 件, 条, 元, 万元, …
	Src   Loc       // where the text came from
	Flags CellFlags // what the parser did to place it
}

// Present reports whether the report contains the cell at all.
func (c Cell) Present() bool { return c.Kind != CellAbsent }

// Uncertain reports whether the parser could not place the cell with certainty.
func (c Cell) Uncertain() bool { return c.Flags&FlagUncertain != 0 }

// IsNull reports whether the cell prints nothing numeric: blank, dash, 无 or
// other text. Such cells are null in the flat cell map.
func (c Cell) IsNull() bool {
	switch c.Kind {
	case CellBlank, CellDash, CellNone, CellText:
		return true
	}
	return false
}

// Eval returns the value a rule should use: the number for a number cell, and
// zero with implied=true for blank, dash and 无. ok is false when the cell is
// absent, holds other text, or is uncertain: such a cell cannot be evaluated.
func (c Cell) Eval() (v Decimal, implied bool, ok bool) {
	if c.Uncertain() {
		return Decimal{}, false, false
	}
	switch c.Kind {
	case CellNumber:
		return c.Num, false, true
	case CellBlank, CellDash, CellNone:
		return Decimal{}, true, true
	}
	return Decimal{}, false, false
}

// cellJSON is the JSON shape of a Cell.
type cellJSON struct {
	Kind  CellKind `json:"kind"`
	Raw   string   `json:"raw"`
	Num   *Decimal `json:"num,omitempty"`
	Unit  string   `json:"unit,omitempty"`
	Src   *Loc     `json:"src,omitempty"`
	Flags []string `json:"flags,omitempty"`
}

// MarshalJSON encodes a cell as {"kind","raw","num","unit","src","flags"}.
func (c Cell) MarshalJSON() ([]byte, error) {
	j := cellJSON{Kind: c.Kind, Raw: c.Raw, Unit: c.Unit, Flags: c.Flags.Names()}
	if c.Kind == CellNumber {
		n := c.Num
		j.Num = &n
	}
	if !c.Src.IsZero() {
		s := c.Src
		j.Src = &s
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the shape written by MarshalJSON.
func (c *Cell) UnmarshalJSON(b []byte) error {
	var j cellJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*c = Cell{Kind: j.Kind, Raw: j.Raw, Unit: j.Unit}
	if j.Num != nil {
		c.Num = *j.Num
	}
	if j.Src != nil {
		c.Src = *j.Src
	}
	for _, n := range j.Flags {
		for _, x := range flagNames {
			if x.n == n {
				c.Flags |= x.f
			}
		}
	}
	return nil
}
