(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func))
  (import "__backproof" "out_of_fuel" (func (;0;) (type 1)))
  (import "__backproof" "stack_exhausted" (func (;1;) (type 1)))
  (import "__backproof" "flush" (func (;2;) (type 1)))
  (memory (;0;) 1 16)
  (memory (;1;) 1 1)
  (global (;0;) (mut i64) i64.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (global (;5;) (mut i32) i32.const 1)
  (global (;6;) (mut i32) i32.const 0)
  (global (;7;) (mut i32) i32.const 0)
  (export "memory" (memory 0))
  (export "sum" (func 3))
  (export "__bp_fuel" (global 0))
  (export "__bp_bulk" (global 3))
  (export "__bp_depth" (global 2))
  (export "__bp_reserve" (global 4))
  (export "__bp_tp" (global 1))
  (export "__bp_trace" (memory 1))
  (export "__bp_bits" (global 5))
  (export "__bp_bitslot" (global 6))
  (func (;3;) (type 0) (param i32) (result i32)
    (local i32 i32 i32 i32 i64 f32 f64 i32 i32)
    global.get 2
    i32.const 1
    i32.add
    global.set 2
    global.get 2
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 0
      call 1
    end
    global.get 2
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 7
      global.get 1
      i32.const 1
      i32.store 1
      global.get 1
      i32.const 4
      i32.add
      global.set 1
    end
    global.get 7
    if ;; label = @1
      i32.const 0
      global.set 7
      global.get 1
      i32.const 1
      i32.store 1
      global.get 1
      i32.const 4
      i32.add
      global.set 1
    end
    block (result i32) ;; label = @1
      global.get 1
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        global.get 1
        call 2
        i32.const 0
        global.set 1
      end
      global.get 0
      i64.const 2
      i64.sub
      global.set 0
      global.get 0
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 1
        call 0
      end
      block ;; label = @2
        loop ;; label = @3
          global.get 1
          i32.const 1024
          i32.gt_u
          if ;; label = @4
            global.get 1
            call 2
            i32.const 0
            global.set 1
          end
          global.get 0
          i64.const 3
          i64.sub
          global.set 0
          global.get 0
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 2
            call 0
          end
          local.get 0
          i32.eqz
          local.tee 4
          i32.const 0
          i32.ne
          global.get 5
          i32.const 2
          i32.sub
          i32.const 2147483646
          i32.ge_u
          if ;; label = @4
            call 4
          end
          global.get 5
          i32.const 1
          i32.shl
          i32.or
          global.set 5
          local.get 4
          br_if 1 (;@2;)
          global.get 0
          i64.const 9
          i64.sub
          global.set 0
          global.get 0
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 3
            call 0
          end
          local.get 1
          local.get 0
          i32.add
          local.set 1
          local.get 0
          i32.const 1
          i32.sub
          local.set 0
          br 0 (;@3;)
        end
        global.get 0
        i64.const 1
        i64.sub
        global.set 0
        global.get 0
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 4
          call 0
        end
      end
      global.get 0
      i64.const 2
      i64.sub
      global.set 0
      global.get 0
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 5
        call 0
      end
      local.get 1
    end
    global.get 2
    i32.const 1
    i32.sub
    global.set 2
  )
  (func (;4;) (type 2)
    global.get 5
    i32.const 0
    i32.lt_s
    if ;; label = @1
      global.get 6
      global.get 5
      i32.store 1
    end
    global.get 1
    global.set 6
    global.get 1
    i32.const 4
    i32.add
    global.set 1
    i32.const 1
    global.set 5
  )
)
