#!/usr/bin/env python3
"""Writes Tests/GoTemplateTests/SprigFunctionCases.swift: function-level cases of the sprig families of
strings, conversions, defaults, JSON, reflection, env, lists and dicts, with the results Go gives.

Each case calls one sprig function with literal arguments. The script renders
`{{ $r := FN ARGS }}{{ printf "%v" $r }}<NUL>{{ printf "%T" $r }}` with Go 1.19 and sprig 3.2.3 (GOPATH mode,
Debian's packages) and records what `%v` and `%T` print, or the text after `error calling FN: ` when the call
fails. The Swift test calls the function body with the same arguments and compares. Cases whose Go output is
not valid UTF-8 (a byte-wise cut inside a character) cannot be represented by a Swift string and are listed
as skipped.

Usage: scripts/gen-sprig-function-cases.py
"""
import json
import os
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "GoTemplateTests" / "SprigFunctionCases.swift"


class A:
    """An argument: its Go template form and its Swift `Value` form."""

    def __init__(self, go, swift):
        self.go, self.swift = go, swift


def swift_string(text):
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0x80 <= ord(ch) < 0xA0:
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def go_string(text):
    return json.dumps(text, ensure_ascii=False)


def S(text):
    return A(go_string(text), ".string(%s)" % swift_string(text))


def I(number):
    return A(str(number), ".int(%d)" % number)


def F(number):
    return A(repr(float(number)), ".float64(%r)" % float(number))


def B(flag):
    return A("true" if flag else "false", ".bool(%s)" % ("true" if flag else "false"))


N = A("nil", ".nil")


def L(*items):
    return A("(list %s)" % " ".join(i.go for i in items) if items else "(list)",
             ".list([%s])" % ", ".join(i.swift for i in items))


def M(*pairs):
    keys = pairs[0::2]
    values = pairs[1::2]
    go = "(dict %s)" % " ".join("%s %s" % (go_string(k), v.go) for k, v in zip(keys, values)) if pairs else "(dict)"
    swift = ".map([%s])" % (", ".join("%s: %s" % (swift_string(k), v.swift) for k, v in zip(keys, values)) or ":")
    return A(go, swift)


# Data the Go side reads as `.name`, with the same value built in Swift.
DATA_GO = """map[string]interface{}{
		"strs":   []string{"b", "a", "c"},
		"ints":   []int{3, 1, 2},
		"ms":     map[string]string{"k": "v"},
		"m":      map[string]interface{}{"a": 1.0, "b": "x", "z": nil, "n": map[string]interface{}{"c": 2.0, "e": []interface{}{}}},
		"nested": map[string]interface{}{"a": map[string]interface{}{"b": map[string]interface{}{"c": "deep"}}},
		"i64":    int64(-5),
		"u8":     uint8(200),
		"f32":    float32(1.5),
	}"""
DATA = {
    "strs": ".strings([\"b\", \"a\", \"c\"])",
    "ints": "Value(.list([.int(3), .int(1), .int(2)], elementType: .int))",
    "ms": "Value(.map([\"k\": .string(\"v\")], valueType: .string))",
    "m": ".map([\"a\": .float64(1), \"b\": .string(\"x\"), \"z\": .nil, "
         "\"n\": .map([\"c\": .float64(2), \"e\": .list([])])])",
    "nested": ".map([\"a\": .map([\"b\": .map([\"c\": .string(\"deep\")])])])",
    "i64": ".int64(-5)",
    "u8": "Value(.int(200, .uint8))",
    "f32": "Value(.float(1.5, .float32))",
}


def D(name):
    return A("." + name, DATA[name])


CASES = []


def case(function, *arguments):
    CASES.append((function, list(arguments)))


def cases(function, *argument_lists):
    for arguments in argument_lists:
        case(function, *arguments)


# ---- strings ----
case("hello")
cases("trim", [S("  a b \t\n")], [S("\u00a0\u2003x\u0085")], [S("")], [S(" \u200b ")])
cases("upper", [S("héllo wörld")], [S("ßǆᾳﬀ")], [S("ǅ")], [S("")])
cases("lower", [S("HÉLLO")], [S("İ")], [S("ǅǄΣ")])
cases("title", [S("hello wORLD ß ǆ")], [S("a-b_c d.e 1f")], [S("élan über")], [S("ᾳ x")])
cases("untitle", [S("Hello World")], [S("ÉLAN\tVital")], [S("")])
cases("substr", [I(1), I(3), S("abcdef")], [I(-1), I(2), S("abc")], [I(1), I(99), S("abc")], [I(1), I(-1), S("abc")],
      [I(5), I(1), S("abc")], [I(-1), I(5), S("abc")], [I(-1), I(-1), S("abc")], [I(5), I(9), S("abc")],
      [I(2), I(1), S("abc")], [I(0), I(0), S("")], [I(3), I(3), S("abc")], [I(1), I(3), S("héllo")])
cases("abbrev", [I(5), S("hello world")], [I(3), S("hello")], [I(4), S("hello")], [I(11), S("hello world")],
      [I(4), S("")], [I(-1), S("abc")], [I(6), S("héllo wörld")])
cases("abbrevboth", [I(5), I(10), S("1234567890abcdefghij")], [I(0), I(4), S("hello world")],
      [I(1), I(6), S("hello world")], [I(10), I(10), S("1234567890abcdefghij")], [I(99), I(7), S("1234567890abc")],
      [I(-5), I(8), S("1234567890abc")], [I(4), I(3), S("abcdefgh")], [I(6), I(8), S("")], [I(1), I(20), S("short")],
      [I(3), I(7), S("abcdefghijklmnop")])
cases("repeat", [I(3), S("ab")], [I(0), S("x")], [I(-1), S("a")], [I(2), S("é")], [I(5), S("")])
cases("trunc", [I(2), S("hello")], [I(-2), S("hello")], [I(-9), S("hello")], [I(9), S("hello")], [I(0), S("hello")],
      [I(3), S("héllo")], [I(-4), S("héllo")])
cases("trimAll", [S("$"), S("$$a$b$$")], [S("ab"), S("abcba")], [S(""), S(" x ")], [S("é"), S("éxé")])
cases("trimall", [S("-"), S("--x--")])
cases("trimSuffix", [S(".json"), S("a.json")], [S("x"), S("abc")], [S(""), S("abc")])
cases("trimPrefix", [S("/"), S("/a/b")], [S("e"), S("e\u0301x")], [S("abcd"), S("abc")])
cases("nospace", [S("a b\tc\nd")], [S("a b\u00a0c")], [S("à b")], [S("àb")], [S("")], [S("no-space")])
cases("initials", [S("John Doe Foo")], [S("élan vital")], [S("  a  b ")], [S("")], [S("x\u00a0y")])
cases("swapcase", [S("hello WORLD ǅ x")], [S("Hello World")], [S("123 abc")], [S("")])
cases("snakecase", [S("HTTPServerID2go")], [S("FirstName LastName")], [S("a1B2c3 D")], [S("already_snake")],
      [S("Hello, World!")], [S("ABC")], [S("aBC")], [S("x--y  z")], [S("中文Name")], [S("v2Beta")], [S("")],
      [S("ÉcoleNormale")], [S("a.b.c")], [S("-leading")], [S("trailing_")])
cases("kebabcase", [S("FirstName LastName")], [S("HTTPServer")], [S("my_var-name")], [S("A1b")], [S("")])
cases("camelcase", [S("hello_world-foo bar")], [S("__")], [S("_a")], [S("a")], [S("http_server")],
      [S("  lead space")], [S("ALL_CAPS")], [S("x__y")], [S("")], [S("é_à")])
cases("wrap", [I(5), S("The quick brown fox")], [I(0), S("a b c")], [I(10), S("short")], [I(3), S("abcdefgh ij")],
      [I(4), S("  lead  spaces here")], [I(-3), S("a b")], [I(6), S("")])
cases("wrapWith", [I(3), S("|"), S("abcdefgh ij")], [I(5), S("<br>"), S("The quick brown fox")],
      [I(2), S(""), S("abcd")], [I(4), S("\n\t"), S("one two three")])
cases("contains", [S("b"), S("abc")], [S(""), S("abc")], [S("x"), S("")], [S("e"), S("e\u0301")])
cases("hasPrefix", [S("ab"), S("abc")], [S("e"), S("e\u0301")], [S("abcd"), S("abc")])
cases("hasSuffix", [S("bc"), S("abc")], [S("\u0301"), S("e\u0301")], [S(""), S("")])
cases("quote", [S("a")], [S("a\"b"), I(1), N, F(1.5)], [], [S("tab\there")], [S("é\u0007")], [L(I(1), S("x"))])
cases("squote", [S("a")], [S("it's"), I(2), N, B(True)], [], [M("k", I(1))])
cases("cat", [S("a"), I(1), N, F(2.5), B(False)], [], [N, N], [L(I(1)), M("a", S("b"))], [S(""), S("")])
cases("indent", [I(2), S("a\nb")], [I(0), S("x")], [I(4), S("")], [I(-2), S("a")], [I(1), S("a\n")])
cases("nindent", [I(2), S("a\nb")], [I(-1), S("a")])
cases("replace", [S("a"), S("b"), S("banana")], [S(""), S("-"), S("héy")], [S("x"), S("y"), S("abc")],
      [S("an"), S(""), S("banana")], [S("é"), S("e"), S("café é")])
cases("plural", [S("one"), S("many"), I(1)], [S("one"), S("many"), I(0)], [S("one"), S("many"), I(-1)])
cases("split", [S(","), S("a,b,,c")], [S(""), S("héy")], [S("x"), S("")], [S(","), S("abc")])
cases("splitn", [S(","), I(2), S("a,b,c")], [S(","), I(0), S("a,b")], [S(","), I(-1), S("a,b,c")],
      [S(""), I(2), S("abc")], [S(","), I(9), S("a,b")])
cases("splitList", [S(","), S("a,b,,c")], [S(""), S("ab")], [S(","), S("")], [S("::"), S("a::b:c")])
cases("join", [S("-"), L(I(1), S("a"), N, F(2.5))], [S(","), D("strs")], [S(","), D("ints")], [S(","), S("solo")],
      [S(","), N], [S(","), L()], [S(", "), L(L(I(1), I(2)), M("a", I(1)))], [S(","), I(5)])
cases("sortAlpha", [L(S("b"), S("a"), S("B"), S("é"), S("e"))], [D("strs")], [D("ints")], [N], [S("b")], [I(3)],
      [L(I(10), I(9), I(100))], [L()])
cases("toString", [I(1)], [F(1.5)], [N], [B(True)], [L(I(1), S("a"))], [M("a", I(1))], [S("s")], [D("i64")],
      [D("f32")], [D("ms")])
cases("toStrings", [L(I(1), N, S("a"))], [D("strs")], [D("ints")], [N], [S("x")], [I(3)], [M("a", I(1))], [L()])
# Characters assigned or given case mappings after Unicode 13.0, the version of Go 1.19's tables.
LATER_UNICODE = "\u019b \ua7c0\ua7c1 \u2c2f\u2c5f \ua7cb\u0264 \U00010570\U00010597 \u1c89\u1c8a \U00016ea0"
for name in ["upper", "lower", "title", "swapcase", "untitle", "snakecase", "camelcase", "kebabcase"]:
    case(name, S(LATER_UNICODE))
# U+FFFD is what Go decodes from a bad byte: xstrings' word splitting skips it.
for name in ["snakecase", "kebabcase", "camelcase", "swapcase", "initials", "nospace", "title"]:
    cases(name, [S("\ufffd")], [S("a\ufffdB c\ufffd\ufffd")], [S("\ufffdX1 y")])
# ---- conversions ----
cases("atoi", [S("42")], [S("-7")], [S("+12")], [S(" 1")], [S("1.5")], [S("0x10")], [S("99999999999999999999")],
      [S("-99999999999999999999")], [S("")], [S("1_000")], [S("9223372036854775807")])
cases("int", [S("12")], [S("12.000")], [S("12.5")], [F(3.9)], [F(-3.9)], [B(True)], [N], [S("0x1F")], [S("abc")],
      [L()], [D("u8")], [F(1e300)])
cases("int64", [S("-12")], [F(2.5)], [D("i64")], [S("010")], [S("0b101")], [M()])
cases("float64", [S("1.5")], [S("1e3")], [S("inf")], [S("x")], [I(3)], [N], [B(True)], [D("f32")], [S("0x1p-2")])
cases("toDecimal", [S("0777")], [I(777)], [S("8")], [S("-17")], [S("1_0")], [S("")], [F(7.0)],
      [S("7777777777777777777777")], [B(True)])
cases("seq", [I(0)], [I(3)], [I(-2)], [I(2), I(5)], [I(5), I(2)], [I(1), I(2), I(10)], [I(10), I(-3), I(1)],
      [I(10), I(3), I(1)], [I(1), I(2), I(3), I(4)], [], [I(1), I(0), I(5)], [I(3), I(3)])
cases("until", [I(3)], [I(0)], [I(-3)])
cases("untilStep", [I(0), I(10), I(3)], [I(10), I(0), I(-4)], [I(0), I(10), I(0)], [I(0), I(10), I(-1)],
      [I(5), I(5), I(1)], [I(10), I(0), I(2)])
# ---- defaults, flow, JSON ----
cases("default", [S("d")], [S("d"), S("")], [S("d"), S("x")], [S("d"), N], [S("d"), I(0)], [S("d"), L()],
      [S("d"), M()], [S("d"), B(False)], [S("d"), F(0.0)], [S("d"), S("x"), S("y")], [S("d"), L(N)])
cases("empty", [N], [S("")], [S(" ")], [I(0)], [F(0.0)], [B(False)], [L()], [M()], [L(N)], [D("ms")], [D("u8")])
cases("coalesce", [N, S(""), I(0), S("x"), S("y")], [], [N, L()], [F(0.0), M("a", I(1))])
cases("all", [], [I(1), S("a")], [I(1), S("")], [N])
cases("any", [], [I(0), S(""), N], [I(0), S("a")])
cases("ternary", [S("yes"), S("no"), B(True)], [S("yes"), S("no"), B(False)], [N, I(1), B(True)])
cases("fail", [S("boom")], [S("")])
cases("toJson", [M("b", I(1), "a", L(S("<&>"), N, B(True)))], [S("é\u2028")], [N], [F(1e21)], [D("ms")], [L()],
      [D("f32")], [F(0.000001)], [F(1e-7)])
cases("mustToJson", [M("a", I(1))])
cases("toPrettyJson", [M("b", I(1), "a", L(I(1), M()))], [L()], [M()], [S("<x>")])
cases("mustToPrettyJson", [L(I(1), I(2))])
cases("toRawJson", [M("a", S("<&>"))], [S("\u2028")], [N])
cases("mustToRawJson", [L(S("<b>"))])
cases("fromJson", [S('{"a":[1,2.5,"x",null,true],"b":{}}')], [S("bad")], [S("")], [S("1e400")], [S("\"é\"")],
      [S("[1,2] x")], [S("12345678901234567890")])
cases("mustFromJson", [S('{"a":1}')], [S("bad")], [S("")], [S("{\"a\":}")], [S("[1,2] x")], [S("tru")])
cases("deepCopy", [M("a", L(I(1)))], [N], [S("x")])
cases("mustDeepCopy", [L(I(1), M())], [N])
# ---- reflection ----
cases("typeOf", [N], [I(1)], [F(1.0)], [S("")], [L()], [M()], [D("strs")], [D("ms")], [D("u8")], [D("f32")],
      [B(True)], [D("i64")])
cases("kindOf", [N], [I(1)], [F(1.0)], [S("")], [L()], [M()], [D("strs")], [D("ms")], [D("u8")], [B(False)])
cases("typeIs", [S("int"), I(1)], [S("float64"), I(1)], [S("<nil>"), N], [S("[]string"), D("strs")])
cases("typeIsLike", [S("int"), I(1)], [S("string"), S("")], [S("map[string]string"), D("ms")], [S("x"), N])
cases("kindIs", [S("int"), I(1)], [S("slice"), D("strs")], [S("invalid"), N], [S("map"), D("ms")])
cases("deepEqual", [I(1), I(1)], [I(1), F(1.0)], [L(I(1)), L(I(1))], [D("strs"), L(S("b"), S("a"), S("c"))],
      [M("a", I(1)), M("a", I(1))], [M("a", I(1)), M("a", I(2))], [N, N], [N, S("")], [S("é"), S("e\u0301")],
      [D("u8"), I(200)], [D("i64"), D("i64")], [L(N), L(N)])
# ---- lists ----
cases("list", [], [I(1), S("a"), N], [L(I(1))])
cases("tuple", [I(1), I(2)])
for name in ["first", "mustFirst", "last", "mustLast", "rest", "mustRest", "initial", "mustInitial", "reverse",
             "mustReverse", "compact", "mustCompact", "uniq", "mustUniq"]:
    cases(name, [L(I(1), S(""), N, I(1), F(0.0), L(), S("x"))], [L()], [D("strs")], [N], [I(3)], [S("abc")],
          [D("ms")], [L(I(7))])
for name in ["push", "append", "mustPush", "mustAppend", "prepend", "mustPrepend"]:
    cases(name, [L(I(1)), I(2)], [L(), N], [D("strs"), I(1)], [N, I(1)], [I(1), I(2)], [M(), I(1)])
for name in ["without", "mustWithout"]:
    cases(name, [L(I(1), I(2), I(1), S("1"), F(1.0)), I(1)], [L(I(1), I(2)), I(1), I(2)], [L(I(1))], [N, I(1)],
          [S("x"), I(1)], [D("strs"), S("a")], [L(L(I(1)), M()), L(I(1)), M()])
for name in ["has", "mustHas"]:
    cases(name, [I(1), L(I(1))], [I(1), L(F(1.0))], [I(1), N], [I(1), S("x")], [S("a"), D("strs")], [N, L(N)],
          [L(I(1)), L(L(I(1)))], [I(200), L(D("u8"))])
for name in ["slice", "mustSlice"]:
    cases(name, [L(I(1), I(2), I(3)), I(1)], [L(I(1), I(2), I(3)), I(1), I(2)], [L(I(1), I(2), I(3))],
          [L(I(1), I(2), I(3)), I(2), I(1)], [L(I(1), I(2), I(3)), I(1), I(5)], [L(I(1), I(2), I(3)), I(-1)],
          [D("strs"), I(1)], [L()], [N], [S("abc"), I(1)], [L(I(1), I(2), I(3)), S("1"), F(2.9)],
          [L(I(1), I(2), I(3)), I(3)], [L(I(1), I(2)), N, N])
for name in ["chunk", "mustChunk"]:
    cases(name, [I(2), L(I(1), I(2), I(3), I(4), I(5))], [I(2), L()], [I(0), L(I(1), I(2))], [I(-2), L(I(1), I(2), I(3))],
          [I(3), L(I(1), I(2), I(3))], [I(9), L(I(1))], [I(2), N], [I(2), S("ab")], [I(-2), L(I(1))], [I(0), L()],
          [I(1), D("strs")])
cases("concat", [L(I(1)), L(I(2), I(3))], [L(I(1)), I(2)], [L(I(1)), N], [D("strs"), D("ints")], [L(), L()],
      [L(I(1))])
# ---- dicts ----
cases("dict", [], [S("a"), I(1), S("b")], [I(1), S("x"), N, S("y"), F(1.5), B(True)], [S("a"), I(1), S("a"), I(2)],
      [L(I(1)), S("v")])
cases("get", [M("a", I(1)), S("a")], [M("a", I(1)), S("b")], [M("a", N), S("a")], [D("m"), S("n")])
cases("set", [M("a", I(1)), S("b"), I(2)], [M("a", I(1)), S("a"), N])
cases("unset", [M("a", I(1), "b", I(2)), S("a")], [M(), S("x")])
cases("hasKey", [M("a", N), S("a")], [M("a", I(1)), S("b")], [M(), S("")])
cases("pluck", [S("a"), M("a", I(1)), M("b", I(2)), M("a", I(3))], [S("a")], [S("z"), D("m")])
cases("keys", [M("b", I(1), "a", I(2), "é", I(3), "B", I(4))], [], [M("b", I(1)), M("a", I(2), "b", I(3))], [M()])
cases("values", [M("b", S("x"), "a", S("y"))], [M()])
cases("pick", [M("a", I(1), "b", I(2), "c", I(3)), S("a"), S("c"), S("z")], [M("a", I(1))])
cases("omit", [M("a", I(1), "b", I(2), "c", I(3)), S("a"), S("c"), S("z")], [M("a", I(1))])
for name in ["merge", "mustMerge", "mergeOverwrite", "mustMergeOverwrite"]:
    cases(name, [M("a", S("x")), M("a", M("b", I(1)))], [M("a", S("x")), M("a", S(""))], [M("a", S("")), M("a", S("y"))],
          [M("a", L(I(1))), M("a", L(I(2)), "b", L())], [M("a", L(I(1))), M("a", L())],
          [M("a", M("x", I(1), "z", S(""))), M("a", M("y", I(2), "z", I(3)))],
          [M("a", N, "c", I(1)), M("a", I(1), "c", N)], [M("a", I(1)), M("a", I(2)), M("a", I(3), "b", I(4))],
          [M()], [M("a", I(0), "b", B(False), "c", M()), M("a", I(5), "b", B(True), "c", M("d", I(1)))],
          [M("a", S("x")), M("a", L(I(1)))], [M("a", M("b", S("x"))), M("a", M("b", M("c", I(1))))],
          [M("a", I(1)), M("a", I(0))])
cases("dig", [S("a"), S("b"), S("c"), S("def"), D("nested")], [S("a"), S("x"), S("c"), S("def"), D("nested")],
      [S("a"), S("b"), S("d"), D("m")], [S("a"), I(1), S("d"), D("m")], [S("a"), S("d"), D("ms")],
      [S("a"), S("d"), N], [S("n"), S("c"), S("d"), D("m")], [S("b"), S("c"), S("d"), D("m")], [S("a"), S("d")],
      [S("z"), S("c"), S("d"), D("m")], [S("z"), S("d"), D("m")], [S("a"), S("d"), M("a", N)])

# Extreme integers: Go's int arithmetic wraps, and the answers must not trap.
MAX, MIN = 9223372036854775807, -9223372036854775808
cases("repeat", [I(MAX), S("ab")], [I(4611686018427387904), S("ab")])
cases("abbrevboth", [I(MAX), I(9), S("1234567890abcdefghij")], [I(MIN), I(9), S("1234567890abcdefghij")],
      [I(5), I(MAX), S("abc")])
cases("abbrev", [I(MAX), S("abc")], [I(MIN), S("abc")])
cases("wrap", [I(MAX), S("a b")], [I(MIN), S("a b")])
cases("wrapWith", [I(MAX), S("-"), S("a b")])
cases("trunc", [I(MIN), S("abc")], [I(MAX), S("abc")])
cases("substr", [I(MIN), I(MAX), S("abc")], [I(MAX), I(MIN), S("abc")], [I(MIN), I(MIN), S("abc")])
cases("chunk", [I(MAX), L(I(1), I(2), I(3))], [I(MIN), L(I(1))])
cases("plural", [S("a"), S("b"), I(MAX)])
cases("splitn", [S(","), I(MAX), S("a,b")], [S(","), I(MIN), S("a,b")])

cases("seq", [I(MAX), I(MAX)], [I(MIN), I(MIN)])
cases("slice", [L(I(1), I(2)), I(MAX)], [L(I(1), I(2)), I(MIN), I(MAX)])
# A nil where a map is expected arrives as Go's nil map.
cases("set", [N, S("a"), I(1)])
cases("unset", [N, S("a")])
cases("get", [N, S("a")])
cases("hasKey", [N, S("a")])
cases("merge", [N, M("a", I(1))], [N])
cases("mergeOverwrite", [N, M("a", I(1))])
cases("pick", [N, S("a")])
cases("omit", [N, S("a")])
cases("keys", [N])
cases("values", [N])
cases("pluck", [S("a"), N])

ENVIRONMENT = {"FOO": "bar", "EMPTY": "", "SPACED": " a b ", "UNI": "héllo", "_x1": "under", "1": "one",
               "A_B": "ab"}
cases("env", [S("FOO")], [S("EMPTY")], [S("MISSING")], [S("UNI")], [S("")], [S("foo")])
cases("expandenv", [S("a$FOO b")], [S("${FOO}x")], [S("$FOOx")], [S("${} ${ $$ $1 ${1} x$")], [S("$")],
      [S("$MISSING.$UNI")], [S("$_x1-$A_B")], [S("${SPACED}|${FOO")], [S("no vars")], [S("$-$@")], [S("${FOO")],
      [S("é$FOOé")], [S("")], [S("${A_B}${FOO}$")])

GO_PROGRAM = r'''package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/Masterminds/sprig"
)

func main() {
	var cases []struct{ Name, Text string }
	raw, _ := os.ReadFile(os.Args[1])
	if err := json.Unmarshal(raw, &cases); err != nil {
		panic(err)
	}
	for _, c := range cases {
		// Fresh data for every case: sortAlpha sorts a []string in place.
		data := DATA
		var out bytes.Buffer
		res := map[string]interface{}{}
		t, err := template.New("t").Funcs(sprig.TxtFuncMap()).Parse(c.Text)
		if err == nil {
			err = t.Execute(&out, data)
		}
		if err != nil {
			msg := err.Error()
			marker := "error calling " + c.Name + ": "
			if i := strings.Index(msg, marker); i >= 0 {
				res["error"] = msg[i+len(marker):]
			} else {
				res["other"] = msg
			}
		} else if !utf8.Valid(out.Bytes()) {
			res["invalid"] = true
		} else {
			parts := strings.SplitN(out.String(), "\x00", 2)
			res["value"], res["type"] = parts[0], parts[1]
		}
		b, _ := json.Marshal(res)
		fmt.Println(string(b))
	}
}
'''


def main():
    templates = []
    for function, arguments in CASES:
        call = " ".join([function] + [a.go for a in arguments])
        templates.append({"Name": function,
                          "Text": "{{ $r := %s }}{{ printf \"%%v\" $r }}\x00{{ printf \"%%T\" $r }}" % call})
    with tempfile.TemporaryDirectory() as work:
        program = pathlib.Path(work) / "cases.go"
        program.write_text(GO_PROGRAM.replace("DATA", DATA_GO))
        inputs = pathlib.Path(work) / "cases.json"
        inputs.write_text(json.dumps(templates))
        binary = pathlib.Path(work) / "cases"
        env = dict(os.environ, GO111MODULE="off", GOPATH="/usr/share/gocode", GOFLAGS="")
        subprocess.run(["go", "build", "-o", str(binary), str(program)], env=env, check=True)
        # The program sees exactly ENVIRONMENT, which the Swift test injects as the function context's.
        result = subprocess.run([str(binary), str(inputs)], env=ENVIRONMENT, capture_output=True, text=True,
                                check=True)
    lines = result.stdout.splitlines()
    assert len(lines) == len(CASES), (len(lines), len(CASES))
    rows, skipped = [], []
    for (function, arguments), line in zip(CASES, lines):
        outcome = json.loads(line)
        call = " ".join([function] + [a.go for a in arguments])
        if "other" in outcome:
            raise SystemExit("case %s fails outside the function: %s" % (call, outcome["other"]))
        if outcome.get("invalid"):
            skipped.append(call)
            continue
        if "error" in outcome:
            expected = ".failure(%s)" % swift_string(outcome["error"])
        else:
            # Go ranges over a map in random order: `keys` and `values` are compared as sets of elements.
            kind = "unorderedResult" if function in ("keys", "values") else "result"
            expected = ".%s(%s, type: %s)" % (kind, swift_string(outcome["value"]), swift_string(outcome["type"]))
        rows.append("    SprigFunctionCase(%s, [%s], %s)," % (
            swift_string(function), ", ".join(a.swift for a in arguments), expected))
    skipped_text = "".join("/// - `%s`\n" % s for s in skipped)
    OUT.write_text(f"""// Generated by scripts/gen-sprig-function-cases.py from Go 1.19 and sprig 3.2.3; do not edit.
@testable import GoTemplate

/// Function-level cases of the sprig families of strings, conversions, defaults, JSON, reflection, lists and
/// dicts: the arguments, and what Go's `printf "%v"` and `printf "%T"` show of the result, or the function's
/// error. Left out because Go's result is not valid UTF-8, which a Swift string cannot hold:
{skipped_text}let sprigFunctionCases: [SprigFunctionCase] = [
{chr(10).join(rows)}
]

/// The environment the cases of `env` and `expandenv` ran with, in Go as here.
let sprigFunctionCaseEnvironment: [String: String] = [
{chr(10).join("    %s: %s," % (swift_string(k), swift_string(v)) for k, v in sorted(ENVIRONMENT.items()))}
]
""")
    print("%d cases written, %d skipped" % (len(rows), len(skipped)))


if __name__ == "__main__":
    main()
