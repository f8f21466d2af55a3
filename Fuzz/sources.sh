# The NTLM files the CHALLENGE parser needs; none of them imports Crypto. Sourced by run.sh and mutate.sh.
PARSER_SOURCES=(
  AVPair ChallengeMessage ChallengeParseError ClientRefusal DisplayText FileTime LittleEndianBytes
  MessageHeader NegotiateFlags ServerInfo ServerVersion UTF16LE
)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARSER_FILES=()
for name in "${PARSER_SOURCES[@]}"; do
  PARSER_FILES+=("$ROOT/Sources/NTLM/$name.swift")
done
PARSER_FILES+=("$ROOT/Tests/NTLMTests/ChallengeMutator.swift")
OUT="$ROOT/fuzz-out"
mkdir -p "$OUT"
