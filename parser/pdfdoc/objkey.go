package pdfdoc

import (
	"reflect"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// objKey names the PDF object a Value was read from ("12 0"), so that
// fonts and forms are cached per object without re-reading or printing
// them. pdf.Value keeps that reference in an unexported field; it is read
// by reflection and, should the library's layout change, the Value's
// printed form is used instead (slower, same result).
func objKey(v pdf.Value) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Struct {
		if p := rv.FieldByName("ptr"); p.IsValid() && p.Kind() == reflect.Struct {
			id, gen := p.FieldByName("id"), p.FieldByName("gen")
			if id.IsValid() && gen.IsValid() && id.CanUint() && gen.CanUint() && id.Uint() != 0 {
				return strconv.FormatUint(id.Uint(), 10) + " " + strconv.FormatUint(gen.Uint(), 10)
			}
		}
	}
	var s string
	_ = safe(func() { s = v.String() })
	return s
}
