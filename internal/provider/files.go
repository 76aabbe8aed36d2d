package provider

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// TNZ's OpenAPI file limits Files[].Data to 1,398,102 base64 characters: 1 MiB of bytes.
const (
	maxFileBase64 = 1398102
	maxFileBytes  = maxFileBase64 / 4 * 3
)

// fileType is a files entry's type.
var fileType = filesAttribute("").GetType().(types.ListType).ElemType.(types.ObjectType)

// attachment is one entry of a files attribute as far as it is known.
type attachment struct {
	file tnz.File
	// sha256 is the digest of the bytes: unknown while they are, null for
	// an entry with neither content nor path.
	sha256 types.String
}

type attachments []attachment

// loadAttachments reads a files attribute: content is decoded, a path is
// read from disk within bounds (a regular file of at most 1 MiB, never more
// than that plus one byte read), and each gets its digest. An entry with
// neither content nor path is passed on empty, so that the rejection table
// reports it with TNZ's own text. Problems are errors on files[i].
func loadAttachments(list types.List, diags *diag.Diagnostics) attachments {
	if list.IsNull() || list.IsUnknown() {
		return nil
	}
	out := make(attachments, 0, len(list.Elements()))
	for i, e := range list.Elements() {
		at := path.Root("files").AtListIndex(i)
		a := attachment{sha256: types.StringUnknown()}
		obj, _ := e.(types.Object)
		if obj.IsUnknown() {
			out = append(out, a)
			continue
		}
		v := obj.Attributes()
		name, _ := v["name"].(types.String)
		content, _ := v["content"].(types.String)
		file, _ := v["path"].(types.String)
		a.file.Name = name.ValueString()
		switch {
		case !content.IsNull() && !file.IsNull():
			diags.AddAttributeError(at, summaryFileBothOrNeither, detailFileBothOrNeither)
		case content.IsUnknown(), file.IsUnknown():
		case !content.IsNull():
			raw, err := base64.StdEncoding.DecodeString(content.ValueString())
			switch {
			case err != nil:
				diags.AddAttributeError(at.AtName("content"), summaryFileContent, detailFileContent(err))
			case len(raw) > maxFileBytes:
				diags.AddAttributeError(at.AtName("content"), summaryFileTooLarge, detailFileTooLarge(int64(len(raw))))
			default:
				a.file.Data, a.sha256 = content.ValueString(), digest(raw)
			}
		case !file.IsNull():
			raw, err := readBounded(file.ValueString())
			var tooLarge *fileTooLargeError
			switch {
			case errors.As(err, &tooLarge):
				diags.AddAttributeError(at.AtName("path"), summaryFileTooLarge, detailFileTooLarge(tooLarge.size))
			case err != nil:
				diags.AddAttributeError(at.AtName("path"), summaryFileUnreadable, detailFileUnreadable(file.ValueString(), err))
			default:
				a.file.Data, a.sha256 = base64.StdEncoding.EncodeToString(raw), digest(raw)
			}
		default:
			a.sha256 = types.StringNull()
		}
		out = append(out, a)
	}
	return out
}

type fileTooLargeError struct{ size int64 }

func (e *fileTooLargeError) Error() string { return fmt.Sprintf("%d bytes", e.size) }

// readBounded reads a regular file of at most maxFileBytes. It checks the
// file before reading it (a FIFO would block, /dev/zero never ends) and
// never reads more than the limit plus one byte, whatever the file does
// meanwhile.
func readBounded(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("it is not a regular file (%s)", info.Mode().Type())
	}
	if info.Size() > maxFileBytes {
		return nil, &fileTooLargeError{size: info.Size()}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Checked again on the open file: the path may have been replaced.
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("it is not a regular file")
	}
	raw, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxFileBytes {
		return nil, &fileTooLargeError{size: int64(len(raw))}
	}
	return raw, nil
}

// apiFiles are the attachments as the API message carries them.
func (as attachments) apiFiles() []tnz.File {
	if as == nil {
		return nil
	}
	out := make([]tnz.File, len(as))
	for i, a := range as {
		out[i] = a.file
	}
	return out
}

// withDigests is list with each entry's sha256 set to the digest of its
// bytes; list itself is left as it is.
func (as attachments) withDigests(list types.List) types.List {
	if list.IsNull() || list.IsUnknown() || len(as) != len(list.Elements()) {
		return list
	}
	elemType := fileType
	out := make([]attr.Value, len(as))
	for i, e := range list.Elements() {
		obj, _ := e.(types.Object)
		if obj.IsUnknown() || obj.IsNull() {
			out[i] = obj
			continue
		}
		values := make(map[string]attr.Value, len(elemType.AttrTypes))
		for name, v := range obj.Attributes() {
			values[name] = v
		}
		values["sha256"] = as[i].sha256
		out[i] = types.ObjectValueMust(elemType.AttrTypes, values)
	}
	return types.ListValueMust(elemType, out)
}

func digest(b []byte) types.String {
	sum := sha256.Sum256(b)
	return types.StringValue(hex.EncodeToString(sum[:]))
}
