package model

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number: Unscaled × 10^-Scale. Counts have
// Scale 0; amounts such as 190.457379 (万元) keep every printed digit.
// The zero value is 0.
type Decimal struct {
	Unscaled int64
	Scale    uint8
}

// ErrDecimalRange is returned by ParseDecimal when a number has more digits
// than a Decimal can hold exactly.
var ErrDecimalRange = errors.New("decimal out of range")

// ParseDecimal parses an ASCII decimal such as "12", "-3", "+1036" or
// "190.457379". It does not accept separators, units or exponents.
func ParseDecimal(s string) (Decimal, error) {
	if s == "" {
		return Decimal{}, errors.New("empty decimal")
	}
	neg := false
	switch s[0] {
	case '+':
		s = s[1:]
	case '-':
		neg = true
		s = s[1:]
	}
	if s == "" {
		return Decimal{}, errors.New("sign without digits")
	}
	var v int64
	var scale int
	seenDot, digits := false, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !seenDot:
			seenDot = true
		case c >= '0' && c <= '9':
			if v > (math.MaxInt64-9)/10 {
				return Decimal{}, ErrDecimalRange
			}
			v = v*10 + int64(c-'0')
			digits++
			if seenDot {
				scale++
			}
		default:
			return Decimal{}, errors.New("invalid decimal " + strconv.Quote(s))
		}
	}
	if digits == 0 || scale > 30 {
		return Decimal{}, errors.New("invalid decimal " + strconv.Quote(s))
	}
	if neg {
		v = -v
	}
	return Decimal{Unscaled: v, Scale: uint8(scale)}, nil
}

// Int returns a Decimal holding the integer n.
func Int(n int64) Decimal { return Decimal{Unscaled: n} }

// IsInt reports whether d has no fractional digits that are not zero.
func (d Decimal) IsInt() bool {
	if d.Scale == 0 {
		return true
	}
	p := pow10(d.Scale)
	return p != 0 && d.Unscaled%p == 0
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.Unscaled < 0:
		return -1
	case d.Unscaled > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d == 0.
func (d Decimal) IsZero() bool { return d.Unscaled == 0 }

func pow10(n uint8) int64 {
	p := int64(1)
	for i := uint8(0); i < n; i++ {
		if p > math.MaxInt64/10 {
			return 0
		}
		p *= 10
	}
	return p
}

// rescale returns d with the given (larger or equal) scale, ok=false on overflow.
func (d Decimal) rescale(s uint8) (Decimal, bool) {
	if s < d.Scale {
		return d, false
	}
	p := pow10(s - d.Scale)
	if p == 0 {
		return d, false
	}
	if d.Unscaled != 0 && (d.Unscaled > math.MaxInt64/p || d.Unscaled < math.MinInt64/p) {
		return d, false
	}
	return Decimal{Unscaled: d.Unscaled * p, Scale: s}, true
}

func align(a, b Decimal) (Decimal, Decimal, bool) {
	s := max(a.Scale, b.Scale)
	a2, ok1 := a.rescale(s)
	b2, ok2 := b.rescale(s)
	return a2, b2, ok1 && ok2
}

// Add returns a+b. ok is false when the result would overflow.
func (d Decimal) Add(e Decimal) (sum Decimal, ok bool) {
	a, b, ok := align(d, e)
	if !ok {
		return Decimal{}, false
	}
	r := a.Unscaled + b.Unscaled
	if (b.Unscaled > 0 && r < a.Unscaled) || (b.Unscaled < 0 && r > a.Unscaled) {
		return Decimal{}, false
	}
	return Decimal{Unscaled: r, Scale: a.Scale}, true
}

// Sub returns d-e. ok is false when the result would overflow.
func (d Decimal) Sub(e Decimal) (Decimal, bool) {
	if e.Unscaled == math.MinInt64 {
		return Decimal{}, false
	}
	return d.Add(Decimal{Unscaled: -e.Unscaled, Scale: e.Scale})
}

// Cmp compares d and e numerically: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	a, b, ok := align(d, e)
	if !ok {
		// Fall back to float comparison for values too large to align.
		fa, fb := d.Float64(), e.Float64()
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	}
	switch {
	case a.Unscaled < b.Unscaled:
		return -1
	case a.Unscaled > b.Unscaled:
		return 1
	}
	return 0
}

// Equal reports whether d and e are numerically equal (1.0 equals 1).
func (d Decimal) Equal(e Decimal) bool { return d.Cmp(e) == 0 }

// Float64 returns an approximation of d.
func (d Decimal) Float64() float64 {
	return float64(d.Unscaled) / math.Pow10(int(d.Scale))
}

// String formats d exactly as it was parsed, keeping trailing zeros of the
// fraction ("1.50" stays "1.50").
func (d Decimal) String() string {
	neg := d.Unscaled < 0
	u := d.Unscaled
	var s string
	if neg {
		if u == math.MinInt64 {
			s = "9223372036854775808"
		} else {
			s = strconv.FormatInt(-u, 10)
		}
	} else {
		s = strconv.FormatInt(u, 10)
	}
	if d.Scale > 0 {
		n := int(d.Scale)
		if len(s) <= n {
			s = strings.Repeat("0", n-len(s)+1) + s
		}
		s = s[:len(s)-n] + "." + s[len(s)-n:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// MarshalJSON encodes a Decimal as a JSON string, so that no precision is lost.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(d.String())), nil }

// UnmarshalJSON accepts a JSON string or number.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
