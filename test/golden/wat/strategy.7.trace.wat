(module
  (type (;0;) (func (result f64)))
  (type (;1;) (func (param i32 f64)))
  (type (;2;) (func))
  (type (;3;) (func (param i64 f64 f64 f64 f64 f64)))
  (type (;4;) (func (param i32 i32 f64 f64)))
  (type (;5;) (func (param i32)))
  (type (;6;) (func))
  (import "backproof" "position" (func (;0;) (type 0)))
  (import "backproof" "order" (func (;1;) (type 1)))
  (import "__backproof" "out_of_fuel" (func (;2;) (type 5)))
  (import "__backproof" "stack_exhausted" (func (;3;) (type 5)))
  (import "__backproof" "flush" (func (;4;) (type 5)))
  (memory (;0;) 1 16)
  (memory (;1;) 1 1)
  (memory (;2;) 1 1)
  (global (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (global (;3;) (mut i32) i32.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (global (;5;) (mut i64) i64.const 0)
  (global (;6;) (mut i32) i32.const 1)
  (global (;7;) (mut i32) i32.const 0)
  (global (;8;) (mut i32) i32.const 0)
  (global (;9;) (mut i32) i32.const 0)
  (global (;10;) (mut i32) i32.const 0)
  (export "__bp_g0" (global 0))
  (export "memory" (memory 0))
  (export "on_bar" (func 6))
  (export "on_order" (func 7))
  (export "init" (func 5))
  (export "__bp_on_bar" (func 8))
  (export "__bp_bar" (memory 2))
  (export "__bp_fuel" (global 1))
  (export "__bp_bulk" (global 4))
  (export "__bp_depth" (global 3))
  (export "__bp_reserve" (global 5))
  (export "__bp_tp" (global 2))
  (export "__bp_trace" (memory 1))
  (export "__bp_bits" (global 6))
  (export "__bp_bitslot" (global 7))
  (export "__bp_predictors" (func 10))
  (func (;5;) (type 2)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 3
    i32.const 1
    i32.add
    global.set 3
    global.get 3
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 2
      call 3
    end
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 1
      i64.const 1000
      i64.sub
      local.tee 3
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 3
        global.set 5
        i64.const 1000
        global.set 1
      end
    end
    global.get 1
    local.set 8
    global.get 2
    local.set 9
    global.get 6
    local.set 10
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 8
      local.get 9
      i32.const 3
      i32.store 1
      local.get 9
      i32.const 4
      i32.add
      local.tee 9
      global.set 2
    end
    global.get 8
    if ;; label = @1
      i32.const 0
      global.set 8
      local.get 9
      i32.const 3
      i32.store 1
      local.get 9
      i32.const 4
      i32.add
      local.tee 9
      global.set 2
    end
    block ;; label = @1
      local.get 9
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 9
        call 4
        i32.const 0
        global.set 2
        global.get 1
        local.set 8
        global.get 2
        local.set 9
        global.get 6
        local.set 10
      end
      local.get 8
      i64.const 3
      i64.sub
      local.tee 8
      global.set 1
      local.get 8
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 1
        call 2
      end
      i32.const 0
      global.set 0
    end
    global.get 3
    i32.const 1
    i32.sub
    global.set 3
    global.get 3
    i32.eqz
    if ;; label = @1
      global.get 1
      global.get 5
      i64.add
      global.set 1
      i64.const 0
      global.set 5
    end
  )
  (func (;6;) (type 3) (param i64 f64 f64 f64 f64 f64)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 3
    i32.const 1
    i32.add
    global.set 3
    global.get 3
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 3
      call 3
    end
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 1
      i64.const 1000
      i64.sub
      local.tee 9
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 9
        global.set 5
        i64.const 1000
        global.set 1
      end
    end
    global.get 1
    local.set 14
    global.get 2
    local.set 15
    global.get 6
    local.set 16
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 8
      local.get 15
      i32.const 4
      i32.store 1
      local.get 15
      i32.const 4
      i32.add
      local.tee 15
      global.set 2
    end
    global.get 8
    if ;; label = @1
      i32.const 0
      global.set 8
      local.get 15
      i32.const 4
      i32.store 1
      local.get 15
      i32.const 4
      i32.add
      local.tee 15
      global.set 2
    end
    block ;; label = @1
      local.get 15
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 15
        call 4
        i32.const 0
        global.set 2
        global.get 1
        local.set 14
        global.get 2
        local.set 15
        global.get 6
        local.set 16
      end
      local.get 14
      i64.const 8
      i64.sub
      local.tee 14
      global.set 1
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 2
        call 2
      end
      global.get 0
      i32.const 1
      i32.add
      global.set 0
      i32.const 16
      local.get 4
      local.set 11
      local.set 7
      local.get 7
      global.get 9
      i32.sub
      local.tee 12
      global.get 10
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 7
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 7
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 2
        i32.const 1
        local.tee 16
        global.set 6
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 6
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 2
        local.get 12
        global.set 10
      end
      local.get 7
      global.set 9
      local.get 7
      local.get 11
      f64.store
      call 0
      global.get 1
      local.set 14
      global.get 2
      local.set 15
      global.get 6
      local.set 16
      local.get 15
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 15
        call 4
        i32.const 0
        global.set 2
        global.get 1
        local.set 14
        global.get 2
        local.set 15
        global.get 6
        local.set 16
      end
      local.get 14
      i64.const 3
      i64.sub
      local.tee 14
      global.set 1
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 3
        call 2
      end
      f64.const 0x0p+0 (;=0;)
      f64.eq
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 7
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 7
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 2
        i32.const 1
        local.tee 16
        global.set 6
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 6
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 3
        i64.sub
        local.tee 14
        global.set 1
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 4
          call 2
        end
        i32.const 1
        f64.const 0x1p+0 (;=1;)
        call 1
        global.get 1
        local.set 14
        global.get 2
        local.set 15
        global.get 6
        local.set 16
        local.get 15
        i32.const 1024
        i32.gt_u
        if ;; label = @3
          local.get 15
          call 4
          i32.const 0
          global.set 2
          global.get 1
          local.set 14
          global.get 2
          local.set 15
          global.get 6
          local.set 16
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 1
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 5
          call 2
        end
      end
      local.get 14
      i64.const 1
      i64.sub
      local.tee 14
      global.set 1
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 6
        call 2
      end
    end
    global.get 3
    i32.const 1
    i32.sub
    global.set 3
    global.get 3
    i32.eqz
    if ;; label = @1
      global.get 1
      global.get 5
      i64.add
      global.set 1
      i64.const 0
      global.set 5
    end
  )
  (func (;7;) (type 4) (param i32 i32 f64 f64)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 3
    i32.const 1
    i32.add
    global.set 3
    global.get 3
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 4
      call 3
    end
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 1
      i64.const 1000
      i64.sub
      local.tee 7
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 7
        global.set 5
        i64.const 1000
        global.set 1
      end
    end
    global.get 1
    local.set 12
    global.get 2
    local.set 13
    global.get 6
    local.set 14
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 8
      local.get 13
      i32.const 5
      i32.store 1
      local.get 13
      i32.const 4
      i32.add
      local.tee 13
      global.set 2
    end
    global.get 8
    if ;; label = @1
      i32.const 0
      global.set 8
      local.get 13
      i32.const 5
      i32.store 1
      local.get 13
      i32.const 4
      i32.add
      local.tee 13
      global.set 2
    end
    block ;; label = @1
      local.get 13
      i32.const 1024
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 4
        i32.const 0
        global.set 2
        global.get 1
        local.set 12
        global.get 2
        local.set 13
        global.get 6
        local.set 14
      end
      local.get 12
      i64.const 1
      i64.sub
      local.tee 12
      global.set 1
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 7
        call 2
      end
    end
    global.get 3
    i32.const 1
    i32.sub
    global.set 3
    global.get 3
    i32.eqz
    if ;; label = @1
      global.get 1
      global.get 5
      i64.add
      global.set 1
      i64.const 0
      global.set 5
    end
  )
  (func (;8;) (type 6)
    i32.const 0
    i64.load 2
    i32.const 0
    f64.load 2 offset=8
    i32.const 0
    f64.load 2 offset=16
    i32.const 0
    f64.load 2 offset=24
    i32.const 0
    f64.load 2 offset=32
    i32.const 0
    f64.load 2 offset=40
    call 6
  )
  (func (;9;) (type 6)
    global.get 6
    i32.const 0
    i32.lt_s
    if ;; label = @1
      global.get 7
      global.get 6
      i32.store 1
    end
    global.get 2
    global.set 7
    global.get 2
    i32.const 4
    i32.add
    global.set 2
    i32.const 1
    global.set 6
  )
  (func (;10;) (type 6)
    i32.const 0
    global.get 9
    i32.store 1 offset=1128
    i32.const 0
    global.get 10
    i32.store 1 offset=1132
  )
)
