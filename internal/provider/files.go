package provider

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// TNZ's OpenAPI file limits Files[].Data to 1,398,102 base64 characters: 1 MiB of bytes.
const (
	maxFileBase64 = 1398102
	maxFileBytes  = maxFileBase64 / 4 * 3
)

type fileModel struct {
	Name    types.String `tfsdk:"name"`
	Content types.String `tfsdk:"content"`
	Path    types.String `tfsdk:"path"`
	SHA256  types.String `tfsdk:"sha256"`
}

var fileType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"name": types.StringType, "content": types.StringType, "path": types.StringType, "sha256": types.StringType,
}}

// loadFiles turns the files attribute into attachments, reading local paths,
// and returns the list again with each file's sha256 filled in (unknown where
// the bytes are). A file with neither content nor path is passed on empty so
// the rejection table reports it with TNZ's own text.
func loadFiles(ctx context.Context, list types.List, k *known, diags *diag.Diagnostics) ([]tnz.File, types.List) {
	if list.IsUnknown() {
		k.unknown.Add("files")
		return nil, list
	}
	if list.IsNull() {
		return nil, list
	}
	var files []tnz.File
	var models []attr.Value
	for i, e := range list.Elements() {
		at := fmt.Sprintf("files[%d]", i)
		attrPath := path.Root("files").AtListIndex(i)
		obj, _ := e.(types.Object)
		if obj.IsUnknown() {
			k.unknown.Add(at)
			files = append(files, tnz.File{})
			models = append(models, obj)
			continue
		}
		var f fileModel
		diags.Append(obj.As(ctx, &f, basetypes.ObjectAsOptions{})...)
		file := tnz.File{Name: k.str(f.Name, at+".name")}
		f.SHA256 = types.StringUnknown()
		switch {
		case !f.Content.IsNull() && !f.Path.IsNull():
			diags.AddAttributeError(attrPath, summaryFileBothOrNeither, detailFileBothOrNeither)
		case f.Content.IsUnknown():
			k.unknown.Add(at + ".content")
		case f.Path.IsUnknown():
			k.unknown.Add(at + ".path")
		case !f.Content.IsNull():
			raw, err := base64.StdEncoding.DecodeString(f.Content.ValueString())
			if err != nil {
				diags.AddAttributeError(attrPath.AtName("content"), summaryFileContent, detailFileContent(err))
				break
			}
			file.Data = f.Content.ValueString()
			f.SHA256 = digest(raw)
			checkFileSize(len(raw), attrPath.AtName("content"), diags)
		case !f.Path.IsNull():
			raw, err := os.ReadFile(f.Path.ValueString())
			if err != nil {
				diags.AddAttributeError(attrPath.AtName("path"), summaryFileUnreadable, detailFileUnreadable(f.Path.ValueString(), err))
				break
			}
			file.Data = base64.StdEncoding.EncodeToString(raw)
			f.SHA256 = digest(raw)
			checkFileSize(len(raw), attrPath.AtName("path"), diags)
		default:
			f.SHA256 = types.StringNull()
		}
		files = append(files, file)
		v, d := types.ObjectValueFrom(ctx, fileType.AttrTypes, f)
		diags.Append(d...)
		models = append(models, v)
	}
	out, d := types.ListValue(fileType, models)
	diags.Append(d...)
	return files, out
}

func checkFileSize(size int, p path.Path, diags *diag.Diagnostics) {
	if size > maxFileBytes {
		diags.AddAttributeError(p, summaryFileTooLarge, detailFileTooLarge(size, maxFileBytes))
	}
}

func digest(b []byte) types.String {
	sum := sha256.Sum256(b)
	return types.StringValue(hex.EncodeToString(sum[:]))
}
