(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func))
  (import "__backproof" "out_of_fuel" (func (;0;) (type 1)))
  (import "__backproof" "stack_exhausted" (func (;1;) (type 1)))
  (import "__backproof" "flush" (func (;2;) (type 1)))
  (memory (;0;) 1 4)
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
  (export "bulk" (func 3))
  (export "__bp_fuel" (global 0))
  (export "__bp_bulk" (global 3))
  (export "__bp_depth" (global 2))
  (export "__bp_reserve" (global 4))
  (export "__bp_tp" (global 1))
  (export "__bp_trace" (memory 1))
  (export "__bp_bits" (global 5))
  (export "__bp_bitslot" (global 6))
  (func (;3;) (type 0) (param i32) (result i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32)
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
      i64.const 11
      i64.sub
      global.set 0
      global.get 0
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 1
        call 0
      end
      i32.const 0
      i32.const 7
      local.get 0
      local.tee 3
      local.get 3
      i64.extend_i32_u
      i64.const 3
      i64.shr_u
      local.tee 4
      global.get 0
      i64.gt_s
      if ;; label = @2
        i32.const -1
        call 0
      end
      global.get 0
      local.get 4
      i64.sub
      global.set 0
      global.get 3
      local.get 4
      i64.add
      global.set 3
      memory.fill
      i32.const 100
      i32.const 0
      local.get 0
      local.tee 3
      local.get 3
      i64.extend_i32_u
      i64.const 3
      i64.shr_u
      local.tee 4
      global.get 0
      i64.gt_s
      if ;; label = @2
        i32.const -2
        call 0
      end
      global.get 0
      local.get 4
      i64.sub
      global.set 0
      global.get 3
      local.get 4
      i64.add
      global.set 3
      memory.copy
      i32.const 1
      local.tee 2
      memory.grow
      local.tee 3
      i32.const -1
      i32.ne
      if ;; label = @2
        local.get 2
        i64.extend_i32_u
        i64.const 13
        i64.shl
        local.tee 4
        global.get 0
        i64.gt_s
        if ;; label = @3
          i32.const -3
          call 0
        end
        global.get 0
        local.get 4
        i64.sub
        global.set 0
        global.get 3
        local.get 4
        i64.add
        global.set 3
      end
      local.get 3
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
