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

// entryRef returns "id gen" when dictionary d's entry key is an indirect
// reference, without reading the referenced object; "" otherwise. Like
// objKey it reads pdf.Value's unexported layout by reflection and gives up
// quietly if that layout changes.
func entryRef(d pdf.Value, key string) (ref string) {
	defer func() {
		if recover() != nil {
			ref = ""
		}
	}()
	rv := reflect.ValueOf(d)
	if rv.Kind() != reflect.Struct {
		return ""
	}
	data := rv.FieldByName("data")
	if !data.IsValid() || data.Kind() != reflect.Interface || data.IsNil() {
		return ""
	}
	m := data.Elem()
	if m.Kind() != reflect.Map {
		return ""
	}
	it := m.MapRange()
	for it.Next() {
		if k := it.Key(); k.Kind() != reflect.String || k.String() != key {
			continue
		}
		e := it.Value()
		if e.Kind() == reflect.Interface {
			e = e.Elem()
		}
		if e.Kind() != reflect.Struct {
			return ""
		}
		id, gen := e.FieldByName("id"), e.FieldByName("gen")
		if !id.IsValid() || !gen.IsValid() || !id.CanUint() || !gen.CanUint() {
			return ""
		}
		return strconv.FormatUint(id.Uint(), 10) + " " + strconv.FormatUint(gen.Uint(), 10)
	}
	return ""
}
