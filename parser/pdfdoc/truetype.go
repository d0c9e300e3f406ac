package pdfdoc

import (
	"encoding/binary"

	"github.com/ledongthuc/pdf"
)

// Identity-H fonts without ToUnicode: when the embedded TrueType program
// still carries its 'cmap' table, inverting it (glyph → character) and
// mapping CIDs to glyphs through /CIDToGIDMap recovers the text.

// maxCmapGlyphs bounds the inverted map.
const maxCmapGlyphs = 1 << 17

// trueTypeUnicode inverts the Unicode cmap of a TrueType font program:
// glyph id → character. It returns nil when the program has none. It
// never panics on malformed data: every read is bounds-checked.
func trueTypeUnicode(font []byte) map[uint16]rune {
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(font[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(font[off:])), true
	}
	n, ok := u16(4)
	if !ok || n > 200 {
		return nil
	}
	cmapOff := -1
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil
		}
		if string(font[rec:rec+4]) == "cmap" {
			cmapOff, _ = u32(rec + 8)
			break
		}
	}
	if cmapOff < 0 {
		return nil
	}
	nsub, ok := u16(cmapOff + 2)
	if !ok || nsub > 100 {
		return nil
	}
	best, bestRank := -1, 0
	for i := 0; i < nsub; i++ {
		rec := cmapOff + 4 + 8*i
		pid, ok1 := u16(rec)
		eid, ok2 := u16(rec + 2)
		off, ok3 := u32(rec + 4)
		if !ok1 || !ok2 || !ok3 {
			return nil
		}
		rank := 0
		switch {
		case pid == 3 && eid == 10, pid == 0 && eid >= 4:
			rank = 3
		case pid == 3 && eid == 1, pid == 0:
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = cmapOff+off, rank
		}
	}
	if best < 0 {
		return nil
	}
	out := map[uint16]rune{}
	add := func(gid int, r rune) {
		if gid <= 0 || gid > 0xFFFF || len(out) >= maxCmapGlyphs {
			return
		}
		if old, ok := out[uint16(gid)]; !ok || r < old {
			out[uint16(gid)] = r
		}
	}
	format, _ := u16(best)
	switch format {
	case 4:
		segX2, ok := u16(best + 6)
		if !ok {
			return nil
		}
		seg := segX2 / 2
		ends, starts := best+14, best+16+segX2
		deltas, ranges := starts+segX2, starts+2*segX2
		for s := 0; s < seg; s++ {
			end, ok1 := u16(ends + 2*s)
			start, ok2 := u16(starts + 2*s)
			delta, ok3 := u16(deltas + 2*s)
			ro, ok4 := u16(ranges + 2*s)
			if !ok1 || !ok2 || !ok3 || !ok4 || start > end {
				continue
			}
			for c := start; c <= end && c != 0xFFFF; c++ {
				gid := 0
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else {
					g, ok := u16(ranges + 2*s + ro + 2*(c-start))
					if !ok {
						break
					}
					if g != 0 {
						gid = (g + delta) & 0xFFFF
					}
				}
				add(gid, rune(c))
			}
		}
	case 12:
		groups, ok := u32(best + 12)
		if !ok || groups > 1<<16 {
			return nil
		}
		for g := 0; g < groups; g++ {
			rec := best + 16 + 12*g
			start, ok1 := u32(rec)
			end, ok2 := u32(rec + 4)
			gid, ok3 := u32(rec + 8)
			if !ok1 || !ok2 || !ok3 || end < start || end-start > 1<<16 || end > 0x10FFFF {
				continue
			}
			for c := start; c <= end; c++ {
				add(gid+(c-start), rune(c))
			}
		}
	default:
		return nil
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// loadEmbeddedCmap fills f.gidUni (and f.cidToGID) from a CIDFontType2's
// embedded program, for Type0 fonts without ToUnicode.
func (f *font) loadEmbeddedCmap(desc pdf.Value) {
	ff := desc.Key("FontDescriptor").Key("FontFile2")
	if ff.Kind() != pdf.Stream {
		return
	}
	prog, err := readStream(ff, 32<<20)
	if err != nil && len(prog) == 0 {
		return
	}
	f.gidUni = trueTypeUnicode(prog)
	if f.gidUni == nil {
		return
	}
	if m := desc.Key("CIDToGIDMap"); m.Kind() == pdf.Stream {
		if b, err := readStream(m, 1<<20); err == nil || len(b) > 0 {
			f.cidToGID = b
		}
	}
}

// embeddedText maps a CID to text through the embedded program's cmap.
func (f *font) embeddedText(cid uint32) (string, bool) {
	if f.gidUni == nil {
		return "", false
	}
	gid := cid
	if f.cidToGID != nil {
		i := int(cid) * 2
		if i+1 >= len(f.cidToGID) {
			return "", false
		}
		gid = uint32(f.cidToGID[i])<<8 | uint32(f.cidToGID[i+1])
	}
	if gid > 0xFFFF {
		return "", false
	}
	r, ok := f.gidUni[uint16(gid)]
	if !ok {
		return "", false
	}
	return string(r), true
}
