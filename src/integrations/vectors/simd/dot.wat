;; Dot products for the in-process vector index, four float lanes at a time (WebAssembly SIMD).
;; Memory layout, owned by flat-namespace.ts: the query vector at byte 0, the stored vectors from
;; byte $vectors on, and the list of slots to score and their scores wherever the caller puts them.
;; Compiled to dot-wasm.ts by `npm run build:wasm`; a test checks that the two agree.
(module
  (import "index" "memory" (memory 1))

  ;; The dot product of the query (at byte 0) with the vector at byte offset $at; both hold $dims floats.
  (func $dot (param $at i32) (param $dims i32) (result f32)
    (local $i i32) (local $end i32) (local $a v128) (local $b v128) (local $sum f32)
    ;; Two accumulators over eight floats per step: independent additions the CPU can overlap.
    (local.set $end (i32.shl (i32.and (local.get $dims) (i32.const -8)) (i32.const 2)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $a (f32x4.add (local.get $a)
          (f32x4.mul (v128.load (i32.add (local.get $at) (local.get $i))) (v128.load (local.get $i)))))
        (local.set $b (f32x4.add (local.get $b)
          (f32x4.mul (v128.load offset=16 (i32.add (local.get $at) (local.get $i))) (v128.load offset=16 (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 32)))
        (br $pairs)))
    (local.set $a (f32x4.add (local.get $a) (local.get $b)))
    (local.set $sum
      (f32.add
        (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
        (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))
    ;; The last dims % 8 floats, one at a time.
    (local.set $end (i32.shl (local.get $dims) (i32.const 2)))
    (block $rest_done
      (loop $rest
        (br_if $rest_done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $sum (f32.add (local.get $sum)
          (f32.mul (f32.load (i32.add (local.get $at) (local.get $i))) (f32.load (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rest)))
    (local.get $sum))

  ;; Scores $n slots, listed as i32 at byte $slots, into f32 at byte $out: one call for a whole
  ;; query, where a call per slot would cost more in crossing into WebAssembly than the dot itself.
  (func (export "scoreSlots") (param $vectors i32) (param $dims i32) (param $slots i32) (param $n i32) (param $out i32)
    (local $k i32) (local $stride i32)
    (local.set $stride (i32.shl (local.get $dims) (i32.const 2)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
          (call $dot
            (i32.add (local.get $vectors)
              (i32.mul (i32.load (i32.add (local.get $slots) (i32.shl (local.get $k) (i32.const 2)))) (local.get $stride)))
            (local.get $dims)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $each))))
)
