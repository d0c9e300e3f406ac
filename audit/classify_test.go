package audit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/xxgk/nianbao/parser"
	"github.com/xxgk/nianbao/parser/docxdoc"
	"github.com/xxgk/nianbao/parser/pdfdoc"
)

func TestClassify(t *testing.T) {
	wrap := func(err error) error { return &parser.InputError{Name: "x", Format: "pdf", Err: err} }
	tests := []struct {
		err  error
		kind string
	}{
		{wrap(parser.ErrEmpty), ErrKindEmpty},
		{wrap(parser.ErrBinary), ErrKindBinary},
		{wrap(fmt.Errorf("%w: legacy .doc", parser.ErrUnsupported)), ErrKindUnsupported},
		{wrap(parser.ErrInternal), ErrKindInternal},
		{wrap(&pdfdoc.Error{Err: pdfdoc.ErrEncrypted}), ErrKindEncrypted},
		{wrap(&pdfdoc.Error{Err: pdfdoc.ErrUnsupportedEncryption, Detail: "malformed PDF: key"}), ErrKindEncrypted},
		{wrap(&pdfdoc.Error{Page: 1, Err: pdfdoc.ErrNoTextLayer}), ErrKindNoText},
		{wrap(&pdfdoc.Error{Err: pdfdoc.ErrMalformed}), ErrKindMalformed},
		{wrap(pdfdoc.ErrTimeout), ErrKindTimeout},
		{wrap(docxdoc.ErrMalformed), ErrKindMalformed},
		{wrap(context.DeadlineExceeded), ErrKindTimeout},
		{&Error{Kind: ErrKindTooLarge, Stage: "read", Err: errors.New("big")}, ErrKindTooLarge},
		{fmt.Errorf("open: %w", os.ErrNotExist), ErrKindIO},
		{wrap(errors.New("something new")), ErrKindParse},
	}
	for _, tt := range tests {
		if got := classify("parse", tt.err); got.Kind != tt.kind {
			t.Errorf("classify(%v) = %s, want %s", tt.err, got.Kind, tt.kind)
		}
	}
}
