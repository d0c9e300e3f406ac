package pdfdoc

import (
	"context"
	"math/rand"
	"runtime"
	"testing"
	"time"
)

// TestMutatedNoHang parses thousands of deterministic mutations of small
// generated PDFs (bytes changed, cut, inserted, duplicated): each returns
// quickly and leaves no goroutine behind.
func TestMutatedNoHang(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	w := &pdfWriter{}
	fo := identityHFont(w)
	bases := [][]byte{tablePDF(), onePage(w, map[string]int{"F1": fo}, []byte("BT /F1 12 Tf 100 700 Td <0001000200030004> Tj ET"))}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 5000; i++ {
		base := bases[i%2]
		b := append([]byte(nil), base...)
		for k := 0; k < 1+r.Intn(3); k++ {
			p := r.Intn(len(b))
			switch r.Intn(4) {
			case 0:
				b[p] = byte(r.Intn(256))
			case 1:
				q := min(len(b), p+r.Intn(20))
				b = append(b[:p:p], b[q:]...)
			case 2:
				ins := []byte{'0' + byte(r.Intn(10)), ' ', 'R', '[', '<', '(', '/'}[r.Intn(7)]
				b = append(b[:p:p], append([]byte{ins}, b[p:]...)...)
			case 3:
				q := min(len(b), p+r.Intn(40))
				b = append(b[:q:q], append(append([]byte(nil), b[p:q]...), b[q:]...)...)
			}
		}
		s := time.Now()
		_, _ = Parse(context.Background(), b, Options{Timeout: 2 * time.Second})
		if d := time.Since(s); d > 300*time.Millisecond || runtime.NumGoroutine() > 10 {
			t.Fatalf("input %d took %v, %d goroutines", i, d, runtime.NumGoroutine())
		}
	}
}
