(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (result i32 i32)))
  (type (;2;) (func (param i32)))
  (type (;3;) (func))
  (import "__backproof" "out_of_fuel" (func (;0;) (type 2)))
  (import "__backproof" "stack_exhausted" (func (;1;) (type 2)))
  (import "__backproof" "flush" (func (;2;) (type 2)))
  (table (;0;) 2 65536 funcref)
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
  (export "pick" (func 5))
  (export "__bp_fuel" (global 0))
  (export "__bp_bulk" (global 3))
  (export "__bp_depth" (global 2))
  (export "__bp_reserve" (global 4))
  (export "__bp_tp" (global 1))
  (export "__bp_trace" (memory 1))
  (export "__bp_bits" (global 5))
  (export "__bp_bitslot" (global 6))
  (export "__bp_predictors" (func 7))
  (elem (;0;) (i32.const 0) func 3 4)
  (func (;3;) (type 0) (param i32) (result i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
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
    global.get 0
    local.set 9
    global.get 1
    local.set 10
    global.get 5
    local.set 11
    global.get 7
    if ;; label = @1
      i32.const 0
      global.set 7
      local.get 10
      i32.const 1
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 1
    end
    block (result i32) ;; label = @1
      local.get 10
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 2
        i32.const 0
        global.set 1
        global.get 0
        local.set 9
        global.get 1
        local.set 10
        global.get 5
        local.set 11
      end
      local.get 9
      i64.const 4
      i64.sub
      local.tee 9
      global.set 0
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 1
        call 0
      end
      local.get 0
      i32.const 1
      i32.add
    end
    global.get 2
    i32.const 1
    i32.sub
    global.set 2
  )
  (func (;4;) (type 0) (param i32) (result i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 2
    i32.const 1
    i32.add
    global.set 2
    global.get 2
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 1
      call 1
    end
    global.get 0
    local.set 9
    global.get 1
    local.set 10
    global.get 5
    local.set 11
    global.get 7
    if ;; label = @1
      i32.const 0
      global.set 7
      local.get 10
      i32.const 2
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 1
    end
    block (result i32) ;; label = @1
      local.get 10
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 2
        i32.const 0
        global.set 1
        global.get 0
        local.set 9
        global.get 1
        local.set 10
        global.get 5
        local.set 11
      end
      local.get 9
      i64.const 4
      i64.sub
      local.tee 9
      global.set 0
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 2
        call 0
      end
      local.get 0
      i32.const 1
      i32.sub
    end
    global.get 2
    i32.const 1
    i32.sub
    global.set 2
  )
  (func (;5;) (type 0) (param i32) (result i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 2
    i32.const 1
    i32.add
    global.set 2
    global.get 2
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 2
      call 1
    end
    global.get 0
    local.set 9
    global.get 1
    local.set 10
    global.get 5
    local.set 11
    global.get 2
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 7
      local.get 10
      i32.const 3
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 1
    end
    global.get 7
    if ;; label = @1
      i32.const 0
      global.set 7
      local.get 10
      i32.const 3
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 1
    end
    block (result i32) ;; label = @1
      local.get 10
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 2
        i32.const 0
        global.set 1
        global.get 0
        local.set 9
        global.get 1
        local.set 10
        global.get 5
        local.set 11
      end
      local.get 9
      i64.const 4
      i64.sub
      local.tee 9
      global.set 0
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 3
        call 0
      end
      block ;; label = @2
        block ;; label = @3
          local.get 0
          local.set 3
          local.get 10
          local.get 3
          i32.store 1
          local.get 10
          i32.const 4
          i32.add
          local.tee 10
          global.set 1
          local.get 3
          br_table 0 (;@3;) 1 (;@2;) 0 (;@3;)
        end
        local.get 9
        i64.const 3
        i64.sub
        local.tee 9
        global.set 0
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 4
          call 0
        end
        i32.const 5
        i32.const 0
        i32.const 1
        global.set 7
        call_indirect (type 0)
        global.get 0
        local.set 9
        global.get 1
        local.set 10
        global.get 5
        local.set 11
        global.get 7
        if ;; label = @3
          i32.const 0
          global.set 7
          local.get 10
          i32.const 0
          i32.store 1
          local.get 10
          i32.const 4
          i32.add
          local.tee 10
          global.set 1
        end
        local.get 10
        i32.const 1024
        i32.gt_u
        if ;; label = @3
          local.get 10
          call 2
          i32.const 0
          global.set 1
          global.get 0
          local.set 9
          global.get 1
          local.set 10
          global.get 5
          local.set 11
        end
        local.get 9
        i64.const 1
        i64.sub
        local.tee 9
        global.set 0
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 5
          call 0
        end
        global.get 2
        i32.const 1
        i32.sub
        global.set 2
        return
      end
      local.get 9
      i64.const 3
      i64.sub
      local.tee 9
      global.set 0
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 6
        call 0
      end
      i32.const 5
      local.get 0
      i32.const 1
      global.set 7
      call_indirect (type 0)
      global.get 0
      local.set 9
      global.get 1
      local.set 10
      global.get 5
      local.set 11
      global.get 7
      if ;; label = @2
        i32.const 0
        global.set 7
        local.get 10
        i32.const 0
        i32.store 1
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 1
      end
      local.get 10
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 2
        i32.const 0
        global.set 1
        global.get 0
        local.set 9
        global.get 1
        local.set 10
        global.get 5
        local.set 11
      end
      local.get 9
      i64.const 4
      i64.sub
      local.tee 9
      global.set 0
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 7
        call 0
      end
      block (type 1) (result i32 i32) ;; label = @2
        i32.const 1
        i32.const 2
      end
      local.get 9
      i64.const 3
      i64.sub
      local.tee 9
      global.set 0
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 8
        call 0
      end
      i32.add
      i32.add
    end
    global.get 2
    i32.const 1
    i32.sub
    global.set 2
  )
  (func (;6;) (type 3)
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
  (func (;7;) (type 3))
)
