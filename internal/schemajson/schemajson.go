// Package schemajson writes a provider server's schema in the format of
// `terraform providers schema -json`, actions included.
//
// tfplugindocs renders docs/ from that format. Terraform before 1.14 leaves
// actions out of its export, so `make generate` gives tfplugindocs this
// package's output instead (tfplugindocs --providers-schema): the docs are
// the same whichever Terraform is installed. Only what the provider uses is
// written; a nested block is an error, so that nothing is silently left out.
package schemajson

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Marshal returns the schema server reports, as Terraform exports it, under
// the provider's address (or any name the reader looks for).
func Marshal(ctx context.Context, server tfprotov6.ProviderServer, address string) ([]byte, error) {
	resp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			problems = append(problems, d.Summary+": "+d.Detail)
		}
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "; "))
	}
	c := &converter{}
	p := providerSchema{
		Provider:          c.schema(resp.Provider),
		ResourceSchemas:   c.schemas(resp.ResourceSchemas),
		DataSourceSchemas: c.schemas(resp.DataSourceSchemas),
		Functions:         map[string]function{},
		ActionSchemas:     map[string]actionSchema{},
	}
	for name, f := range resp.Functions {
		p.Functions[name] = c.function(f)
	}
	for name, a := range resp.ActionSchemas {
		p.ActionSchemas[name] = actionSchema{Block: c.schema(a.Schema).Block}
	}
	if c.err != nil {
		return nil, c.err
	}
	return json.Marshal(providerSchemas{FormatVersion: "1.0", ProviderSchemas: map[string]providerSchema{address: p}})
}

// The format, as Terraform writes it (its internal/command/jsonprovider
// and jsonfunction packages); empty fields are left out as Terraform
// leaves them out.

type providerSchemas struct {
	FormatVersion   string                    `json:"format_version"`
	ProviderSchemas map[string]providerSchema `json:"provider_schemas"`
}

type providerSchema struct {
	Provider          *schema                 `json:"provider,omitempty"`
	ResourceSchemas   map[string]*schema      `json:"resource_schemas,omitempty"`
	DataSourceSchemas map[string]*schema      `json:"data_source_schemas,omitempty"`
	Functions         map[string]function     `json:"functions,omitempty"`
	ActionSchemas     map[string]actionSchema `json:"action_schemas,omitempty"`
}

type schema struct {
	Version int64  `json:"version"`
	Block   *block `json:"block,omitempty"`
}

type actionSchema struct {
	Block *block `json:"block,omitempty"`
}

type block struct {
	Attributes      map[string]*attribute `json:"attributes,omitempty"`
	Description     string                `json:"description,omitempty"`
	DescriptionKind string                `json:"description_kind,omitempty"`
	Deprecated      bool                  `json:"deprecated,omitempty"`
}

type attribute struct {
	Type            json.RawMessage `json:"type,omitempty"`
	NestedType      *nestedType     `json:"nested_type,omitempty"`
	Description     string          `json:"description,omitempty"`
	DescriptionKind string          `json:"description_kind,omitempty"`
	Deprecated      bool            `json:"deprecated,omitempty"`
	Required        bool            `json:"required,omitempty"`
	Optional        bool            `json:"optional,omitempty"`
	Computed        bool            `json:"computed,omitempty"`
	Sensitive       bool            `json:"sensitive,omitempty"`
	WriteOnly       bool            `json:"write_only,omitempty"`
}

type nestedType struct {
	Attributes  map[string]*attribute `json:"attributes,omitempty"`
	NestingMode string                `json:"nesting_mode,omitempty"`
}

type function struct {
	Description        string          `json:"description,omitempty"`
	Summary            string          `json:"summary,omitempty"`
	DeprecationMessage string          `json:"deprecation_message,omitempty"`
	ReturnType         json.RawMessage `json:"return_type"`
	Parameters         []parameter     `json:"parameters,omitempty"`
	VariadicParameter  *parameter      `json:"variadic_parameter,omitempty"`
}

type parameter struct {
	Name        string          `json:"name,omitempty"`
	Description string          `json:"description,omitempty"`
	IsNullable  bool            `json:"is_nullable,omitempty"`
	Type        json.RawMessage `json:"type"`
}

// converter converts, keeping the first error.
type converter struct{ err error }

func (c *converter) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

func (c *converter) schemas(in map[string]*tfprotov6.Schema) map[string]*schema {
	out := make(map[string]*schema, len(in))
	for name, s := range in {
		out[name] = c.schema(s)
	}
	return out
}

func (c *converter) schema(s *tfprotov6.Schema) *schema {
	if s == nil {
		return nil
	}
	return &schema{Version: s.Version, Block: c.block(s.Block)}
}

func (c *converter) block(b *tfprotov6.SchemaBlock) *block {
	if b == nil {
		return nil
	}
	if len(b.BlockTypes) > 0 {
		c.fail(fmt.Errorf("nested block %q: schemajson writes attributes only", b.BlockTypes[0].TypeName))
	}
	return &block{
		Attributes:      c.attributes(b.Attributes),
		Description:     b.Description,
		DescriptionKind: kind(b.DescriptionKind),
		Deprecated:      b.Deprecated,
	}
}

func (c *converter) attributes(in []*tfprotov6.SchemaAttribute) map[string]*attribute {
	out := make(map[string]*attribute, len(in))
	for _, a := range in {
		converted := &attribute{
			Description:     a.Description,
			DescriptionKind: kind(a.DescriptionKind),
			Deprecated:      a.Deprecated,
			Required:        a.Required,
			Optional:        a.Optional,
			Computed:        a.Computed,
			Sensitive:       a.Sensitive,
			WriteOnly:       a.WriteOnly,
		}
		if a.NestedType != nil {
			converted.NestedType = &nestedType{Attributes: c.attributes(a.NestedType.Attributes), NestingMode: c.nesting(a.NestedType.Nesting)}
		} else {
			converted.Type = c.typ(a.Type)
		}
		out[a.Name] = converted
	}
	return out
}

func (c *converter) function(f *tfprotov6.Function) function {
	out := function{Description: f.Description, Summary: f.Summary, DeprecationMessage: f.DeprecationMessage}
	if f.Return != nil {
		out.ReturnType = c.typ(f.Return.Type)
	}
	for _, p := range f.Parameters {
		out.Parameters = append(out.Parameters, c.parameter(p))
	}
	if f.VariadicParameter != nil {
		p := c.parameter(f.VariadicParameter)
		out.VariadicParameter = &p
	}
	return out
}

func (c *converter) parameter(p *tfprotov6.FunctionParameter) parameter {
	return parameter{Name: p.Name, Description: p.Description, IsNullable: p.AllowNullValue, Type: c.typ(p.Type)}
}

func (c *converter) typ(t tftypes.Type) json.RawMessage {
	syntax, err := typeSyntax(t)
	if err != nil {
		c.fail(err)
		return nil
	}
	out, err := json.Marshal(syntax)
	if err != nil {
		c.fail(err)
	}
	return out
}

// typeSyntax is t in Terraform's JSON type syntax: "string",
// ["list","string"], ["object",{"name":"string"}].
func typeSyntax(t tftypes.Type) (any, error) {
	switch {
	case t == nil:
		return nil, errors.New("a value without a type")
	case t.Is(tftypes.String):
		return "string", nil
	case t.Is(tftypes.Number):
		return "number", nil
	case t.Is(tftypes.Bool):
		return "bool", nil
	case t.Is(tftypes.DynamicPseudoType):
		return "dynamic", nil
	}
	collection := func(kind string, element tftypes.Type) (any, error) {
		e, err := typeSyntax(element)
		return []any{kind, e}, err
	}
	switch t := t.(type) {
	case tftypes.List:
		return collection("list", t.ElementType)
	case tftypes.Set:
		return collection("set", t.ElementType)
	case tftypes.Map:
		return collection("map", t.ElementType)
	case tftypes.Object:
		if len(t.OptionalAttributes) > 0 {
			return nil, fmt.Errorf("%s: objects with optional attributes are not written", t)
		}
		attrs := make(map[string]any, len(t.AttributeTypes))
		for name, at := range t.AttributeTypes {
			a, err := typeSyntax(at)
			if err != nil {
				return nil, err
			}
			attrs[name] = a
		}
		return []any{"object", attrs}, nil
	}
	return nil, fmt.Errorf("type %s is not written", t)
}

func (c *converter) nesting(mode tfprotov6.SchemaObjectNestingMode) string {
	switch mode {
	case tfprotov6.SchemaObjectNestingModeSingle:
		return "single"
	case tfprotov6.SchemaObjectNestingModeList:
		return "list"
	case tfprotov6.SchemaObjectNestingModeSet:
		return "set"
	case tfprotov6.SchemaObjectNestingModeMap:
		return "map"
	}
	c.fail(fmt.Errorf("unknown nesting mode %v", mode))
	return ""
}

// kind is a description's kind as Terraform names it.
func kind(k tfprotov6.StringKind) string {
	if k == tfprotov6.StringKindMarkdown {
		return "markdown"
	}
	return "plain"
}
