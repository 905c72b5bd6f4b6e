;; The co-moment kernel behind loaders/stats/comoments.ts (see that file for
;; the sums and what they are for). Compiled by `npm run build:wasm` into
;; comoments-wasm.ts; test/stats/comoments-wasm.test.ts fails when the
;; committed bytes are not this file's.
;;
;; One call of each function handles one block of at most 8,192 rows. The
;; caller copies each feature's values into its column (NaN = missing), calls
;; prepare, cross, corrections and missingPairs, and then adds the block's
;; partial sums into its accumulator.
;;
;; Memory layout (byte offsets; the caller places the regions):
;; - columns: column j at cols + j*65600, row r at + r*8. 65,600 bytes is
;;   8,200 rows: room for 8,192 rows plus padding, a multiple of 16 (aligned
;;   f64x2 loads), and one cache line more than 64 KiB, so that the same row
;;   of successive columns falls in successive cache sets instead of all in
;;   one (with a 64 KiB stride every column would alias in L1 and L2).
;; - lists: column j's row list at lists + j*32784 (8,196 i32: a full block
;;   plus the slot the branch-free writer may store past the end).
;; - the pair block P: scratch of the corrections, chunk*64 bytes.
;;
;; Reduction order (fixed, so the same inputs in the same blocks give the same
;; bits; the plain-JS twin in comoments-block.ts follows it step for step):
;; - per-column sums: two lanes, lane 0 over even rows and lane 1 over odd
;;   rows, each in row order; the block's sum is lane0 + lane1.
;; - cross products: the block is cut into chunks of `chunk` rows (the caller
;;   passes 512); within a chunk the two lanes again take even and odd rows in
;;   order; the chunk's partial is lane0 + lane1, and the block's total is the
;;   chunk partials added in chunk order to an output that starts at zero.
;; - corrections: for each (row list of j, column i), one running sum in
;;   list order (ascending rows), whatever the chunking.
;; Counts (present values, both-missing pairs) are exact integers.

(module
  (memory (export "memory") 1)

  ;; Centres each column in place (c = x - shift[j], 0 where x is NaN), zeroes
  ;; the padding row up to an even count, and writes per column:
  ;; stats + j*32: f64 sum of c, f64 present count, f64 min, f64 max of the
  ;; present x (+inf/-inf when none); meta + j*8: i32 list length, i32 mode;
  ;; the row list at lists + j*32784; and the bit set of the missing rows at
  ;; bits + j*1024 (bit r%64 of i64 word r/64, words up to the last row). Mode 0: the list holds the rows
  ;; where j is missing (the usual case, a few per cent). Mode 1: more than
  ;; half the rows are missing, so the list holds the present rows instead and
  ;; the corrections are taken as block total minus the present rows' sum
  ;; (cheaper, and exact when the feature is missing on whole blocks).
  ;; Mode 2: missing on every row; the list is empty and the corrections are
  ;; the block totals, with no work. `scratch` is one list's room.
  (func (export "prepare")
    (param $cols i32) (param $k i32) (param $rows i32) (param $shift i32)
    (param $stats i32) (param $lists i32) (param $meta i32) (param $scratch i32) (param $bits i32)
    (local $j i32) (local $col i32) (local $word i64) (local $bp i32) (local $a i32) (local $end i32) (local $r i32)
    (local $lp i32) (local $lp0 i32) (local $want i32) (local $missing i32) (local $present i32)
    (local $mode i32) (local $q i32) (local $o i32)
    (local $v v128) (local $m v128) (local $c v128) (local $K v128)
    (local $sum v128) (local $mn v128) (local $mx v128)
    (local $x f64) (local $kk f64) (local $ct f64) (local $s0 f64) (local $mnf f64) (local $mxf f64)
    (block $done
      (br_if $done (i32.or (i32.eqz (local.get $k)) (i32.eqz (local.get $rows))))
      (loop $columns
        (local.set $col (i32.add (local.get $cols) (i32.mul (local.get $j) (i32.const 65600))))
        (local.set $end (i32.add (local.get $col) (i32.shl (i32.and (local.get $rows) (i32.const -2)) (i32.const 3))))
        (local.set $kk (f64.load (i32.add (local.get $shift) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $K (f64x2.splat (local.get $kk)))
        (local.set $sum (v128.const f64x2 0 0))
        (local.set $mn (v128.const f64x2 inf inf))
        (local.set $mx (v128.const f64x2 -inf -inf))
        (local.set $lp0 (i32.add (local.get $lists) (i32.mul (local.get $j) (i32.const 32784))))
        (local.set $lp (local.get $lp0))
        (local.set $a (local.get $col))
        (local.set $r (i32.const 0))
        (local.set $bp (i32.add (local.get $bits) (i32.shl (local.get $j) (i32.const 10))))
        (local.set $word (i64.const 0))
        ;; Two rows per step. The missing rows' list is written without a
        ;; branch (missingness is random, so a branch would mispredict): each
        ;; row index is stored, and the pointer moves on only past a missing
        ;; row. pmin/pmax keep the accumulator when the value is NaN.
        (block $pairs_done
          (br_if $pairs_done (i32.ge_u (local.get $a) (local.get $end)))
          (loop $pairs
            (local.set $v (v128.load (local.get $a)))
            (local.set $m (f64x2.eq (local.get $v) (local.get $v)))
            (local.set $c (v128.and (f64x2.sub (local.get $v) (local.get $K)) (local.get $m)))
            (v128.store (local.get $a) (local.get $c))
            (local.set $sum (f64x2.add (local.get $sum) (local.get $c)))
            (local.set $mn (f64x2.pmin (local.get $mn) (local.get $v)))
            (local.set $mx (f64x2.pmax (local.get $mx) (local.get $v)))
            (local.set $want (i32.xor (i64x2.bitmask (local.get $m)) (i32.const 3)))
            (i32.store (local.get $lp) (local.get $r))
            (local.set $lp (i32.add (local.get $lp) (i32.shl (i32.and (local.get $want) (i32.const 1)) (i32.const 2))))
            (i32.store (local.get $lp) (i32.add (local.get $r) (i32.const 1)))
            (local.set $lp (i32.add (local.get $lp) (i32.shl (i32.shr_u (local.get $want) (i32.const 1)) (i32.const 2))))
            ;; the missing-row bit set, a word of 64 rows stored at every step and restarted after its last pair
            (local.set $word (i64.or (local.get $word) (i64.shl (i64.extend_i32_u (local.get $want)) (i64.extend_i32_u (i32.and (local.get $r) (i32.const 63))))))
            (i64.store (i32.add (local.get $bp) (i32.shl (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 3))) (local.get $word))
            (local.set $word (select (i64.const 0) (local.get $word) (i32.eq (i32.and (local.get $r) (i32.const 63)) (i32.const 62))))
            (local.set $r (i32.add (local.get $r) (i32.const 2)))
            (local.set $a (i32.add (local.get $a) (i32.const 16)))
            (br_if $pairs (i32.lt_u (local.get $a) (local.get $end)))))
        (local.set $s0 (f64x2.extract_lane 0 (local.get $sum)))
        (local.set $mnf (f64.min (f64x2.extract_lane 0 (local.get $mn)) (f64x2.extract_lane 1 (local.get $mn))))
        (local.set $mxf (f64.max (f64x2.extract_lane 0 (local.get $mx)) (f64x2.extract_lane 1 (local.get $mx))))
        ;; An odd last row: its row index is even, so it joins lane 0; then
        ;; the padding row after it is zeroed so that the cross products can
        ;; run over whole row pairs.
        (if (i32.and (local.get $rows) (i32.const 1))
          (then
            (local.set $x (f64.load (local.get $end)))
            (if (f64.eq (local.get $x) (local.get $x))
              (then
                (local.set $ct (f64.sub (local.get $x) (local.get $kk)))
                (local.set $mnf (f64.min (local.get $mnf) (local.get $x)))
                (local.set $mxf (f64.max (local.get $mxf) (local.get $x))))
              (else
                (local.set $ct (f64.const 0))
                (i32.store (local.get $lp) (local.get $r))
                (local.set $lp (i32.add (local.get $lp) (i32.const 4)))
                (local.set $word (i64.or (local.get $word) (i64.shl (i64.const 1) (i64.extend_i32_u (i32.and (local.get $r) (i32.const 63))))))))
            (i64.store (i32.add (local.get $bp) (i32.shl (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 3))) (local.get $word))
            (f64.store offset=0 (local.get $end) (local.get $ct))
            (f64.store offset=8 (local.get $end) (f64.const 0))
            (local.set $s0 (f64.add (local.get $s0) (local.get $ct)))))
        (local.set $missing (i32.shr_u (i32.sub (local.get $lp) (local.get $lp0)) (i32.const 2)))
        (local.set $present (i32.sub (local.get $rows) (local.get $missing)))
        (local.set $mode
          (select (i32.const 2)
            (i32.gt_u (i32.shl (local.get $missing) (i32.const 1)) (local.get $rows))
            (i32.eqz (local.get $present))))
        (if (i32.eq (local.get $mode) (i32.const 1))
          (then
            ;; The present rows: a walk over all rows beside the (ascending)
            ;; missing list, into scratch, then copied back. Rare: only for
            ;; features missing on most of a block.
            (local.set $q (local.get $lp0))
            (local.set $o (local.get $scratch))
            (local.set $r (i32.const 0))
            (loop $walk
              (if (i32.and (i32.lt_u (local.get $q) (local.get $lp)) (i32.eq (i32.load (local.get $q)) (local.get $r)))
                (then (local.set $q (i32.add (local.get $q) (i32.const 4))))
                (else
                  (i32.store (local.get $o) (local.get $r))
                  (local.set $o (i32.add (local.get $o) (i32.const 4)))))
              (local.set $r (i32.add (local.get $r) (i32.const 1)))
              (br_if $walk (i32.lt_u (local.get $r) (local.get $rows))))
            (local.set $q (local.get $scratch))
            (local.set $lp (local.get $lp0))
            (block $copied
              (loop $copy
                (br_if $copied (i32.ge_u (local.get $q) (local.get $o)))
                (i32.store (local.get $lp) (i32.load (local.get $q)))
                (local.set $q (i32.add (local.get $q) (i32.const 4)))
                (local.set $lp (i32.add (local.get $lp) (i32.const 4)))
                (br $copy)))))
        (if (i32.eq (local.get $mode) (i32.const 2))
          (then (local.set $lp (local.get $lp0))))
        (local.set $a (i32.add (local.get $stats) (i32.shl (local.get $j) (i32.const 5))))
        (f64.store offset=0 (local.get $a) (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $sum))))
        (f64.store offset=8 (local.get $a) (f64.convert_i32_u (local.get $present)))
        (f64.store offset=16 (local.get $a) (local.get $mnf))
        (f64.store offset=24 (local.get $a) (local.get $mxf))
        (local.set $a (i32.add (local.get $meta) (i32.shl (local.get $j) (i32.const 3))))
        (i32.store offset=0 (local.get $a) (i32.shr_u (i32.sub (local.get $lp) (local.get $lp0)) (i32.const 2)))
        (i32.store offset=4 (local.get $a) (local.get $mode))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $columns (i32.lt_u (local.get $j) (local.get $k))))))

  ;; out[i*kc + j] += Σ_r c_ri c_rj for the 2x4 blocks of columns i in
  ;; {ip, ip+1}, j in {jq..jq+3}, jq from the 4-block holding ip up to kc
  ;; (kc = k rounded up to 4, the extra columns zero). A block computes a few
  ;; products below the diagonal that nobody reads; the upper triangle is
  ;; complete. `out` must start at zero; `rows2` is the row count rounded up
  ;; to even (the padding row is zero), `chunk` even.
  ;;
  ;; Why 2x4 and not unrolled: each step loads 2 + 4 vectors (two rows of six
  ;; columns) for 8 multiply-adds into 8 accumulators, 14 of the 15 vector
  ;; registers V8 allocates on x64 (xmm15 is its scratch). Unrolling the row
  ;; loop by two made V8 hoist all twelve loads to the top of the body and
  ;; spill four accumulators to the stack: half the speed. Eight independent
  ;; accumulator chains also cover the add latency.
  (func (export "cross")
    (param $cols i32) (param $kc i32) (param $rows2 i32) (param $out i32) (param $chunk i32)
    (local $r0 i32) (local $len8 i32) (local $ip i32) (local $jq i32) (local $a i32) (local $b i32) (local $end i32) (local $o i32)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128) (local $y2 v128) (local $y3 v128)
    (local $a00 v128) (local $a01 v128) (local $a02 v128) (local $a03 v128)
    (local $a10 v128) (local $a11 v128) (local $a12 v128) (local $a13 v128)
    (block $done
      (br_if $done (i32.or (i32.eqz (local.get $rows2)) (i32.eqz (local.get $kc))))
      (loop $chunks
        ;; the rows of this chunk, in bytes
        (local.set $len8 (i32.shl
          (select (local.get $chunk) (i32.sub (local.get $rows2) (local.get $r0))
            (i32.lt_u (local.get $chunk) (i32.sub (local.get $rows2) (local.get $r0))))
          (i32.const 3)))
        (local.set $ip (i32.const 0))
        (loop $ips
          (local.set $jq (i32.and (local.get $ip) (i32.const -4)))
          (loop $jqs
            (local.set $a (i32.add (i32.add (local.get $cols) (i32.mul (local.get $ip) (i32.const 65600))) (i32.shl (local.get $r0) (i32.const 3))))
            (local.set $b (i32.add (i32.add (local.get $cols) (i32.mul (local.get $jq) (i32.const 65600))) (i32.shl (local.get $r0) (i32.const 3))))
            (local.set $end (i32.add (local.get $a) (local.get $len8)))
            (local.set $a00 (v128.const f64x2 0 0)) (local.set $a01 (v128.const f64x2 0 0))
            (local.set $a02 (v128.const f64x2 0 0)) (local.set $a03 (v128.const f64x2 0 0))
            (local.set $a10 (v128.const f64x2 0 0)) (local.set $a11 (v128.const f64x2 0 0))
            (local.set $a12 (v128.const f64x2 0 0)) (local.set $a13 (v128.const f64x2 0 0))
            (loop $rows
              (local.set $x0 (v128.load offset=0 (local.get $a)))
              (local.set $x1 (v128.load offset=65600 (local.get $a)))
              (local.set $y0 (v128.load offset=0 (local.get $b)))
              (local.set $y1 (v128.load offset=65600 (local.get $b)))
              (local.set $y2 (v128.load offset=131200 (local.get $b)))
              (local.set $y3 (v128.load offset=196800 (local.get $b)))
              (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $x0) (local.get $y0))))
              (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $x0) (local.get $y1))))
              (local.set $a02 (f64x2.add (local.get $a02) (f64x2.mul (local.get $x0) (local.get $y2))))
              (local.set $a03 (f64x2.add (local.get $a03) (f64x2.mul (local.get $x0) (local.get $y3))))
              (local.set $a10 (f64x2.add (local.get $a10) (f64x2.mul (local.get $x1) (local.get $y0))))
              (local.set $a11 (f64x2.add (local.get $a11) (f64x2.mul (local.get $x1) (local.get $y1))))
              (local.set $a12 (f64x2.add (local.get $a12) (f64x2.mul (local.get $x1) (local.get $y2))))
              (local.set $a13 (f64x2.add (local.get $a13) (f64x2.mul (local.get $x1) (local.get $y3))))
              (local.set $a (i32.add (local.get $a) (i32.const 16)))
              (local.set $b (i32.add (local.get $b) (i32.const 16)))
              (br_if $rows (i32.lt_u (local.get $a) (local.get $end))))
            ;; the chunk's partial, lane 0 + lane 1, added to the block's total
            (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $ip) (local.get $kc)) (local.get $jq)) (i32.const 3))))
            (f64.store offset=0 (local.get $o) (f64.add (f64.load offset=0 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a00)) (f64x2.extract_lane 1 (local.get $a00)))))
            (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a01)) (f64x2.extract_lane 1 (local.get $a01)))))
            (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a02)) (f64x2.extract_lane 1 (local.get $a02)))))
            (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a03)) (f64x2.extract_lane 1 (local.get $a03)))))
            (local.set $o (i32.add (local.get $o) (i32.shl (local.get $kc) (i32.const 3))))
            (f64.store offset=0 (local.get $o) (f64.add (f64.load offset=0 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a10)) (f64x2.extract_lane 1 (local.get $a10)))))
            (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a11)) (f64x2.extract_lane 1 (local.get $a11)))))
            (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a12)) (f64x2.extract_lane 1 (local.get $a12)))))
            (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $a13)) (f64x2.extract_lane 1 (local.get $a13)))))
            (local.set $jq (i32.add (local.get $jq) (i32.const 4)))
            (br_if $jqs (i32.lt_u (local.get $jq) (local.get $kc))))
          (local.set $ip (i32.add (local.get $ip) (i32.const 2)))
          (br_if $ips (i32.lt_u (local.get $ip) (local.get $kc))))
        (local.set $r0 (i32.add (local.get $r0) (local.get $chunk)))
        (br_if $chunks (i32.lt_u (local.get $r0) (local.get $rows2))))))

  ;; Rows [r0, r1) of columns ib..ib+7 as the pair block of the corrections:
  ;; row r's columns (ib, ib+1), (ib+2, ib+3), ... as four f64x2 in one
  ;; 64-byte line at P + (r - r0)*64. The corrections then issue four plain
  ;; loads per listed row and 8 columns from one cache line, instead of eight
  ;; scalar loads from eight columns and four lane inserts (which compete with
  ;; the adds for the vector ports).
  ;; r0 and r1 even (the padding row is zero).
  (func $pairBlock (param $cols i32) (param $ib i32) (param $r0 i32) (param $r1 i32) (param $P i32)
    (local $q i32) (local $a i32) (local $end i32) (local $d i32) (local $x v128) (local $y v128)
    (loop $qs
      (local.set $a (i32.add (i32.add (local.get $cols) (i32.mul (i32.add (local.get $ib) (i32.shl (local.get $q) (i32.const 1))) (i32.const 65600)))
        (i32.shl (local.get $r0) (i32.const 3))))
      (local.set $end (i32.add (local.get $a) (i32.shl (i32.sub (local.get $r1) (local.get $r0)) (i32.const 3))))
      (local.set $d (i32.add (local.get $P) (i32.shl (local.get $q) (i32.const 4))))
      (loop $rs
        (local.set $x (v128.load offset=0 (local.get $a)))
        (local.set $y (v128.load offset=65600 (local.get $a)))
        (v128.store offset=0 (local.get $d) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x) (local.get $y)))
        (v128.store offset=64 (local.get $d) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x) (local.get $y)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $d (i32.add (local.get $d) (i32.const 128)))
        (br_if $rs (i32.lt_u (local.get $a) (local.get $end))))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br_if $qs (i32.lt_u (local.get $q) (i32.const 4)))))

  ;; For each column j and each column i: outS[j*kp8 + i] = Σ c_ri and
  ;; outQ[j*kp8 + i] = Σ c_ri² over the rows r of j's list; outS and outQ
  ;; must start at zero. The work is cut by column blocks (8 columns), then
  ;; by chunks of `chunk` rows (even), then by list: each chunk of a column
  ;; block is first laid out as a pair block at P (chunk*64 bytes, 16 KiB for
  ;; the 256 rows the caller passes), which stays in L1 while all the lists
  ;; pass over it. Laid out for a whole block of 8,192 rows at once (512 KiB
  ;; per 8 columns), the scattered rows missed L2 and the corrections took
  ;; about 3 to 7 times as long.
  ;; Each list's sums are carried from chunk to chunk through outS/outQ (a
  ;; load and a store per chunk), so every sum is still one running sum in
  ;; list order. `cursors` holds one i32 per list: how far it has been read.
  (func (export "corrections")
    (param $cols i32) (param $P i32) (param $k i32) (param $kp8 i32) (param $rows i32) (param $lists i32) (param $meta i32)
    (param $outS i32) (param $outQ i32) (param $cursors i32) (param $chunk i32)
    (local $ib i32) (local $j i32) (local $base i32) (local $lp i32) (local $lend i32) (local $a i32) (local $o i32)
    (local $r0 i32) (local $r1 i32) (local $rows2 i32) (local $row i32) (local $cur i32) (local $os i32) (local $oq i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $q0 v128) (local $q1 v128) (local $q2 v128) (local $q3 v128)
    (block $done
      (br_if $done (i32.or (i32.or (i32.eqz (local.get $k)) (i32.eqz (local.get $kp8))) (i32.eqz (local.get $rows))))
      (local.set $rows2 (i32.and (i32.add (local.get $rows) (i32.const 1)) (i32.const -2)))
      (loop $ibs
        ;; every list from its start
        (local.set $j (i32.const 0))
        (loop $resets
          (i32.store (i32.add (local.get $cursors) (i32.shl (local.get $j) (i32.const 2)))
            (i32.add (local.get $lists) (i32.mul (local.get $j) (i32.const 32784))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $resets (i32.lt_u (local.get $j) (local.get $k))))
        (local.set $r0 (i32.const 0))
        (loop $chunks
          (local.set $r1 (select (i32.add (local.get $r0) (local.get $chunk)) (local.get $rows2)
            (i32.lt_u (i32.add (local.get $r0) (local.get $chunk)) (local.get $rows2))))
          (call $pairBlock (local.get $cols) (local.get $ib) (local.get $r0) (local.get $r1) (local.get $P))
          ;; row r of the chunk at P + (r - r0)*64
          (local.set $base (i32.sub (local.get $P) (i32.shl (local.get $r0) (i32.const 6))))
          (local.set $j (i32.const 0))
          (loop $js
            (local.set $cur (i32.add (local.get $cursors) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $lp (i32.load (local.get $cur)))
            (local.set $lend (i32.add
              (i32.add (local.get $lists) (i32.mul (local.get $j) (i32.const 32784)))
              (i32.shl (i32.load (i32.add (local.get $meta) (i32.shl (local.get $j) (i32.const 3)))) (i32.const 2))))
            (if (i32.lt_u (local.get $lp) (local.get $lend))
              (then
                (local.set $row (i32.load (local.get $lp)))
                (if (i32.lt_u (local.get $row) (local.get $r1))
                  (then
                    (local.set $o (i32.shl (i32.add (i32.mul (local.get $j) (local.get $kp8)) (local.get $ib)) (i32.const 3)))
                    (local.set $os (i32.add (local.get $outS) (local.get $o)))
                    (local.set $oq (i32.add (local.get $outQ) (local.get $o)))
                    (local.set $s0 (v128.load offset=0 (local.get $os))) (local.set $s1 (v128.load offset=16 (local.get $os)))
                    (local.set $s2 (v128.load offset=32 (local.get $os))) (local.set $s3 (v128.load offset=48 (local.get $os)))
                    (local.set $q0 (v128.load offset=0 (local.get $oq))) (local.set $q1 (v128.load offset=16 (local.get $oq)))
                    (local.set $q2 (v128.load offset=32 (local.get $oq))) (local.set $q3 (v128.load offset=48 (local.get $oq)))
                    (block $chunk_done
                      (loop $entries
                        (local.set $a (i32.add (local.get $base) (i32.shl (local.get $row) (i32.const 6))))
                        (local.set $v0 (v128.load offset=0 (local.get $a)))
                        (local.set $v1 (v128.load offset=16 (local.get $a)))
                        (local.set $v2 (v128.load offset=32 (local.get $a)))
                        (local.set $v3 (v128.load offset=48 (local.get $a)))
                        (local.set $s0 (f64x2.add (local.get $s0) (local.get $v0)))
                        (local.set $s1 (f64x2.add (local.get $s1) (local.get $v1)))
                        (local.set $s2 (f64x2.add (local.get $s2) (local.get $v2)))
                        (local.set $s3 (f64x2.add (local.get $s3) (local.get $v3)))
                        (local.set $q0 (f64x2.add (local.get $q0) (f64x2.mul (local.get $v0) (local.get $v0))))
                        (local.set $q1 (f64x2.add (local.get $q1) (f64x2.mul (local.get $v1) (local.get $v1))))
                        (local.set $q2 (f64x2.add (local.get $q2) (f64x2.mul (local.get $v2) (local.get $v2))))
                        (local.set $q3 (f64x2.add (local.get $q3) (f64x2.mul (local.get $v3) (local.get $v3))))
                        (local.set $lp (i32.add (local.get $lp) (i32.const 4)))
                        (br_if $chunk_done (i32.ge_u (local.get $lp) (local.get $lend)))
                        (local.set $row (i32.load (local.get $lp)))
                        (br_if $entries (i32.lt_u (local.get $row) (local.get $r1)))))
                    (i32.store (local.get $cur) (local.get $lp))
                    (v128.store offset=0 (local.get $os) (local.get $s0)) (v128.store offset=16 (local.get $os) (local.get $s1))
                    (v128.store offset=32 (local.get $os) (local.get $s2)) (v128.store offset=48 (local.get $os) (local.get $s3))
                    (v128.store offset=0 (local.get $oq) (local.get $q0)) (v128.store offset=16 (local.get $oq) (local.get $q1))
                    (v128.store offset=32 (local.get $oq) (local.get $q2)) (v128.store offset=48 (local.get $oq) (local.get $q3))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br_if $js (i32.lt_u (local.get $j) (local.get $k))))
          (local.set $r0 (local.get $r1))
          (br_if $chunks (i32.lt_u (local.get $r0) (local.get $rows2))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 8)))
        (br_if $ibs (i32.lt_u (local.get $ib) (local.get $kp8))))))

  ;; pairs[a*k + b] (a <= b, i32) = rows where both a and b are missing: the
  ;; popcount of the AND of their missing-row bit sets (prepare's), over
  ;; `words` = ceil(rows/64) words, two b at a time. 2,850 pairs x 128 words
  ;; is about 1.5 M simple operations per block of 8,192 rows, without a
  ;; branch that depends on the data; counting the pairs of each row's set
  ;; bits instead (about 45 per row at 12% missing of 75), in loops that
  ;; branch on the data, took about 5 times as long (0.6 to 0.8 ms against
  ;; 0.13 ms per block of 8,192 x 75). Features with no missing row in
  ;; the block are skipped (their counts are zero).
  (func (export "missingPairs") (param $k i32) (param $words i32) (param $bits i32) (param $pairs i32) (param $flags i32)
    (local $a i32) (local $b i32) (local $w i32) (local $pa i32) (local $pb i32) (local $end i32) (local $any i64)
    (local $x i64) (local $c0 i64) (local $c1 i64) (local $o i32)
    (block $done
      (br_if $done (i32.or (i32.eqz (local.get $k)) (i32.eqz (local.get $words))))
      ;; flags[a] = whether a has a missing row in the block
      (loop $fs
        (local.set $pa (i32.add (local.get $bits) (i32.shl (local.get $a) (i32.const 10))))
        (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $words) (i32.const 3))))
        (local.set $any (i64.const 0))
        (loop $ws
          (local.set $any (i64.or (local.get $any) (i64.load (local.get $pa))))
          (local.set $pa (i32.add (local.get $pa) (i32.const 8)))
          (br_if $ws (i32.lt_u (local.get $pa) (local.get $end))))
        (i32.store (i32.add (local.get $flags) (i32.shl (local.get $a) (i32.const 2))) (i64.ne (local.get $any) (i64.const 0)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br_if $fs (i32.lt_u (local.get $a) (local.get $k))))
      (local.set $a (i32.const 0))
      (loop $as
        (local.set $o (i32.add (local.get $pairs) (i32.shl (i32.mul (local.get $a) (local.get $k)) (i32.const 2))))
        (local.set $b (local.get $a))
        (loop $bs
          (local.set $c0 (i64.const 0))
          (local.set $c1 (i64.const 0))
          (if (i32.and (i32.load (i32.add (local.get $flags) (i32.shl (local.get $a) (i32.const 2))))
                (i32.or (i32.load (i32.add (local.get $flags) (i32.shl (local.get $b) (i32.const 2))))
                  (i32.and (i32.lt_u (i32.add (local.get $b) (i32.const 1)) (local.get $k))
                    (i32.load offset=4 (i32.add (local.get $flags) (i32.shl (local.get $b) (i32.const 2)))))))
            (then
              (local.set $pa (i32.add (local.get $bits) (i32.shl (local.get $a) (i32.const 10))))
              (local.set $pb (i32.add (local.get $bits) (i32.shl (local.get $b) (i32.const 10))))
              (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $words) (i32.const 3))))
              ;; b and b+1 (b+1 may be past k: its words are then whatever
              ;; lies there, and its count is not stored)
              (loop $ws2
                (local.set $x (i64.load (local.get $pa)))
                (local.set $c0 (i64.add (local.get $c0) (i64.popcnt (i64.and (local.get $x) (i64.load offset=0 (local.get $pb))))))
                (local.set $c1 (i64.add (local.get $c1) (i64.popcnt (i64.and (local.get $x) (i64.load offset=1024 (local.get $pb))))))
                (local.set $pa (i32.add (local.get $pa) (i32.const 8)))
                (local.set $pb (i32.add (local.get $pb) (i32.const 8)))
                (br_if $ws2 (i32.lt_u (local.get $pa) (local.get $end))))))
          (i32.store (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 2))) (i32.wrap_i64 (local.get $c0)))
          (if (i32.lt_u (i32.add (local.get $b) (i32.const 1)) (local.get $k))
            (then (i32.store offset=4 (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 2))) (i32.wrap_i64 (local.get $c1)))))
          (local.set $b (i32.add (local.get $b) (i32.const 2)))
          (br_if $bs (i32.lt_u (local.get $b) (local.get $k))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br_if $as (i32.lt_u (local.get $a) (local.get $k))))))
)
